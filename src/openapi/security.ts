// Security schemes (with OAuth flows) and requirements, as the model keeps them.
import type { OAuthFlow, SecurityRequirement, SecurityScheme } from './types.ts';
import { text } from './spec-text.ts';

type Json = Record<string, unknown>;

export function toSecurityScheme(name: string, raw: Json): SecurityScheme {
  const description = text(raw.description);
  if (raw.type === 'http') return { kind: 'http', name, scheme: String(raw.scheme ?? 'bearer').toLowerCase(), bearerFormat: text(raw.bearerFormat), description };
  if (raw.type === 'apiKey') return { kind: 'apiKey', name, in: (raw.in as 'header' | 'query' | 'cookie') ?? 'header', paramName: String(raw.name), description };
  if (raw.type === 'oauth2') return { kind: 'oauth2', name, flows: toOAuthFlows(raw.flows), description };
  if (raw.type === 'openIdConnect') return { kind: 'openIdConnect', name, openIdConnectUrl: String(raw.openIdConnectUrl ?? ''), description };
  return { kind: 'mutualTLS', name, description };
}

const FLOW_TYPES = ['authorizationCode', 'clientCredentials', 'implicit', 'password', 'deviceAuthorization'] as const;

function toOAuthFlows(raw: unknown): OAuthFlow[] {
  const flows = (raw ?? {}) as Json;
  return FLOW_TYPES.filter((type) => flows[type] && typeof flows[type] === 'object').map((type) => {
    const flow = flows[type] as Json;
    const url = (key: string) => (typeof flow[key] === 'string' && flow[key] !== '' ? { [key]: flow[key] as string } : {});
    const scopes: Record<string, string> = {};
    for (const [scope, about] of Object.entries((flow.scopes ?? {}) as Json)) scopes[scope] = typeof about === 'string' ? about : '';
    return { type, ...url('authorizationUrl'), ...url('tokenUrl'), ...url('refreshUrl'), scopes };
  });
}

export function toSecurity(raw: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.map((req) => Object.keys((req ?? {}) as Json));
}
