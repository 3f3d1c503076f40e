// Build time: the plain JSON a try-it island gets for one operation. Everything schema-shaped
// is worked out here (fields, follow-up, base64 hints); the browser only edits a RequestSpec.
import type { ApiModel, JsonSchema, Operation } from '../openapi/index.ts';
import { resolveSchema, upstreamEnvName } from '../openapi/index.ts';
import { describeOperation, type FollowUp, type RequestSpec, type ResponseShape } from '../request/index.ts';
import { bodyFields, paramFields, type FormField } from './form-fields.ts';
import type { MediaHints } from './media.ts';
import { bodyMediaType } from './request-media.ts';
import { oauthChoices, type OAuthChoice } from './oauth-choices.ts';
import { validatorGroups } from './validator-groups.ts';

export interface ServerChoice {
  url: string;
  label: string;
  /** Our proxy: same origin, no CORS needed. */
  proxy: boolean;
}

export interface AuthField {
  scheme: string;
  /** `Authorization: Bearer …`, `x-api-key header`, `api_key query parameter`. */
  label: string;
  description?: string;
}

export interface TryItProps {
  api: string;
  apiTitle: string;
  operation: string;
  method: string;
  path: string;
  servers: ServerChoice[];
  auth?: AuthField;
  fields: FormField[];
  body?: { mediaType: string; kind: 'json' | 'multipart' | 'text'; required: boolean; fields?: FormField[] };
  /** The request as the page first shows it: proxy server, key placeholder, the spec's example. */
  initial: RequestSpec;
  /** The same request asking for a stream, when the operation can stream. */
  streaming?: RequestSpec;
  response: ResponseShape;
  followUp?: FollowUp;
  /** URL of the request validator module of the operation's group (validator-groups.ts); it exports the checks by operation slug. */
  validators: string;
  /** URL of the API's response schemas, which the browser checks answers against (see response-schemas.ts). */
  responseSchemas: string;
  media: MediaHints;
  /** Env var that points the site's proxy at the real API instead of the sandbox. */
  upstreamEnv: string;
  /** OAuth 2.0 / OpenID Connect flows the operation accepts; absent when none (no OAuth code loads). */
  oauth?: {
    choices: OAuthChoice[];
    /** The one callback page of the site, under its base: `<base>/tryit/oauth.callback/`. */
    callback: string;
    /** The proxy's OAuth routes for this API: `<base>/api/proxy/<api>/.oauth`. */
    relay: string;
  };
}

export function toTryItProps(api: ApiModel, op: Operation, base = ''): TryItProps {
  const proxyUrl = `${base}/api/proxy/${api.id}`;
  const described = describeOperation(api, op, { baseUrl: proxyUrl });
  const servers: ServerChoice[] = [
    { url: proxyUrl, label: 'This site’s proxy', proxy: true },
    ...(op.servers.length > 0 ? op.servers : api.servers).map((s) => ({ url: s.url.replace(/\/+$/, ''), label: s.description ? `${s.description} (${s.url})` : s.url, proxy: false })),
  ];
  const auth = described.spec.auth;
  const scheme = auth ? api.securitySchemes[auth.scheme] : undefined;
  const mediaType = bodyMediaType(op);
  const choices = oauthChoices(api, op);
  const body = mediaType && described.spec.body ? {
    mediaType, kind: described.spec.body.kind, required: op.requestBody?.required ?? false,
    ...optional('fields', bodyFields(api, op, mediaType)),
  } : undefined;
  return {
    api: api.id, apiTitle: api.title, operation: op.slug, method: op.method.toUpperCase(), path: op.path,
    servers,
    ...(auth ? { auth: { scheme: auth.scheme, label: authLabel(auth), ...optional('description', scheme?.description?.trim().split('\n')[0]) } } : {}),
    fields: paramFields(api, op),
    ...(body ? { body } : {}),
    initial: described.spec,
    ...optional('streaming', described.streaming),
    response: described.response,
    ...optional('followUp', described.followUp),
    validators: `${base}/tryit/${api.id}/${validatorGroups(api).byOperation.get(op.slug) ?? op.slug}.js`,
    responseSchemas: `${base}/tryit/${api.id}/response-schemas.json`,
    media: { base64Fields: base64Fields(api, op) },
    upstreamEnv: upstreamEnvName(api.id),
    ...(choices.length > 0 ? { oauth: { choices, callback: `${base}/tryit/oauth.callback/`, relay: `${proxyUrl}/.oauth` } } : {}),
  };
}

function authLabel(auth: NonNullable<RequestSpec['auth']>): string {
  if (auth.in === 'query') return `${auth.name} query parameter`;
  return auth.prefix ? `${auth.name}: ${auth.prefix.trim()} …` : `${auth.name} header`;
}

/** Property names marked `contentEncoding: base64` in the success responses (and in the follow-up's). */
function base64Fields(api: ApiModel, op: Operation): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  const visit = (raw: JsonSchema | undefined, name: string, depth: number) => {
    if (!raw || depth > 8) return;
    if (raw.$ref) {
      if (seen.has(raw.$ref)) return;
      seen.add(raw.$ref);
    }
    const schema = resolveSchema(api.schemas, raw);
    if (schema.contentEncoding === 'base64' && name) out[name] = typeof schema.contentMediaType === 'string' ? schema.contentMediaType : '';
    for (const [key, child] of Object.entries(schema.properties ?? {})) visit(child, key, depth + 1);
    if (schema.items) visit(schema.items, name, depth + 1);
    for (const alt of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) visit(alt, name, depth + 1);
  };
  const targets = [op, ...op.responses.flatMap((r) => r.links.map((l) => api.operations.find((o) => o.slug === l.operation)))];
  for (const target of targets) for (const r of target?.responses ?? []) if (r.status.startsWith('2')) for (const c of r.content) visit(c.schema, '', 0);
  return out;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
