import { describe, expect, it } from 'vitest';
import { fromDocument, type OpenApiDocument } from '../openapi/index.ts';
import { oauthChoices } from './oauth-choices.ts';

const api = fromDocument({
  openapi: '3.1.0',
  info: { title: 'T', version: '1' },
  paths: {
    '/things': { get: { security: [{ oauth: ['things:read'] }, { oidc: [] }], responses: { 200: { description: 'ok' } } } },
    '/open': { get: { security: [], responses: { 200: { description: 'ok' } } } },
  },
  components: {
    securitySchemes: {
      oauth: {
        type: 'oauth2',
        flows: {
          implicit: { authorizationUrl: 'https://auth.example.com/authorize', scopes: { 'things:read': 'Read things' } },
          authorizationCode: { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', refreshUrl: 'https://auth.example.com/refresh', scopes: { 'things:read': 'Read things', 'things:write': 'Change things' } },
          password: { tokenUrl: 'https://auth.example.com/token', scopes: {} },
          clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { 'things:read': 'Read things' } },
        },
      },
      oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
    },
  },
} as unknown as OpenApiDocument, { id: 't', file: 'openapi/t.yaml' });

describe('oauthChoices', () => {
  it('lists every flow of the schemes the operation accepts, offered ones first, with the spec’s URLs and scopes', () => {
    const choices = oauthChoices(api, api.operations.find((o) => o.path === '/things')!);
    expect(choices.map((c) => [c.scheme, c.flow, c.offered])).toEqual([
      ['oauth', 'authorizationCode', true],
      ['oauth', 'clientCredentials', true],
      ['oidc', 'openIdConnect', true],
      ['oauth', 'implicit', false],
      ['oauth', 'password', false],
    ]);
    expect(choices[0]).toMatchObject({
      authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', refreshUrl: 'https://auth.example.com/refresh',
      scopes: [{ name: 'things:read', description: 'Read things' }, { name: 'things:write', description: 'Change things' }],
    });
    expect(choices[2].openIdConnectUrl).toBe('https://id.example.com/.well-known/openid-configuration');
    expect(choices[3].reason).toMatch(/OAuth 2\.1 removes this flow/);
  });

  it('is empty for an operation without OAuth', () => {
    expect(oauthChoices(api, api.operations.find((o) => o.path === '/open')!)).toEqual([]);
  });
});
