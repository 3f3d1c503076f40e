import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../openapi/index.ts';
import { limitsFromEnv, toProxyApi } from './config.ts';
import { isPrivateHost } from './private-host.ts';

const model: ApiModel = {
  id: 'my-api', file: 'openapi/my-api.yaml', openapi: '3.1.0', title: 'T', version: '1', tags: [], schemas: {},
  servers: [{ url: 'https://api.example.com/v2/' }],
  securitySchemes: {
    bearer: { kind: 'http', name: 'bearer', scheme: 'bearer' },
    key: { kind: 'apiKey', name: 'key', in: 'header', paramName: 'X-Api-Key' },
    q: { kind: 'apiKey', name: 'q', in: 'query', paramName: 'api_key' },
  },
  operations: [{ slug: 'a', method: 'get', path: '/a', tags: [], deprecated: false, responses: [], security: [], servers: [], webhook: false,
    parameters: [{ name: 'X-Trace', in: 'header', required: false, deprecated: false, schema: {}, examples: [] }] },
  { slug: 'b', method: 'post', path: '/b', tags: [], deprecated: false, responses: [], security: [['key', 'q'], ['bearer']], servers: [], webhook: false, parameters: [] }],
};

describe('proxy config', () => {
  it('takes the spec server by default and reads auth headers from the security schemes', () => {
    const api = toProxyApi(model);
    expect(api.upstream).toBe('https://api.example.com/v2');
    expect(api.authHeaders.sort()).toEqual(['authorization', 'x-api-key']);
    expect(api.secretQuery).toEqual(['api_key']);
    expect(api.operations).toEqual([
      { slug: 'a', method: 'get', path: '/a', headers: ['x-trace'], credentials: [] },
      { slug: 'b', method: 'post', path: '/b', headers: [], credentials: ['x-api-key', 'authorization'] },
    ]);
  });

  it('refuses private upstreams unless allowed, naming the variable to set', () => {
    expect(() => toProxyApi(model, { url: 'http://127.0.0.1:4010/x' })).toThrow('API_BASE_URL_MY_API points at the private address 127.0.0.1; set API_ALLOW_PRIVATE_MY_API=1');
    expect(toProxyApi(model, { url: 'http://127.0.0.1:4010/x/', allowPrivate: true }).upstream).toBe('http://127.0.0.1:4010/x');
    expect(() => toProxyApi(model, { url: 'ftp://a' })).toThrow('must be http(s)');
    expect(() => toProxyApi(model, { url: 'https://u:p@a.com' })).toThrow('must not carry credentials');
  });

  it('reads limits from the environment and rejects nonsense', () => {
    expect(limitsFromEnv({ PROXY_MAX_BODY_BYTES: '100' }).maxBodyBytes).toBe(100);
    expect(() => limitsFromEnv({ PROXY_IDLE_TIMEOUT_MS: 'soon' })).toThrow('PROXY_IDLE_TIMEOUT_MS=soon: expected a positive number (default 300000).');
  });

  it.each([
    ['localhost', true], ['127.0.0.1', true], ['10.1.2.3', true], ['172.20.0.1', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['[::1]', true], ['fd00::1', true], ['::ffff:127.0.0.1', true], ['metadata.google.internal', true],
    ['8.8.8.8', false], ['api.melious.ai', false], ['172.32.0.1', false], ['2001:4860::8888', false],
  ])('isPrivateHost(%s) is %s', (host, expected) => {
    expect(isPrivateHost(host)).toBe(expected);
  });
});
