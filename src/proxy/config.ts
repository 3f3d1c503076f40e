import { allowPrivateEnvName, errorShapeOf, upstreamEnvName, type ApiModel, type SecurityRequirement, type SecurityScheme } from '../openapi/index.ts';
import { ProxyConfigError } from './errors.ts';
import { isPrivateHost } from './private-host.ts';
import { declaredOAuthUrls } from './oauth-relay.ts';
import type { ProxyApi, ProxyConfig, ProxyLimits } from './types.ts';

export const DEFAULT_LIMITS: ProxyLimits = {
  maxBodyBytes: 10 * 1024 * 1024,
  idleTimeoutMs: 300_000,
  rateLimitPerMinute: 120,
  maxStreams: 1000,
  maxStreamsPerClient: 20,
};

const LIMIT_ENV: Record<keyof ProxyLimits, string> = {
  maxBodyBytes: 'PROXY_MAX_BODY_BYTES',
  idleTimeoutMs: 'PROXY_IDLE_TIMEOUT_MS',
  rateLimitPerMinute: 'PROXY_RATE_LIMIT_PER_MINUTE',
  maxStreams: 'PROXY_MAX_STREAMS',
  maxStreamsPerClient: 'PROXY_MAX_STREAMS_PER_CLIENT',
};

export type Env = Record<string, string | undefined>;

/** Limits from `PROXY_*` variables (an env object: `process.env`, a Worker's `env`), defaults for the rest. */
export function limitsFromEnv(env: Env): ProxyLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as Array<keyof ProxyLimits>) {
    const raw = env[LIMIT_ENV[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
      throw new ProxyConfigError(`${LIMIT_ENV[key]}=${raw}: expected a positive number (default ${DEFAULT_LIMITS[key]}).`);
    }
    limits[key] = value;
  }
  return limits;
}

export interface UpstreamChoice {
  /** Base URL; the spec's first server when omitted. */
  url?: string;
  allowPrivate?: boolean;
  sandbox?: boolean;
}

/** One API's allow-list and upstream. Throws a `ProxyConfigError` for a bad or private upstream. */
export function toProxyApi(api: ApiModel, choice: UpstreamChoice = {}): ProxyApi {
  const raw = choice.url ?? api.servers[0]?.url;
  const where = choice.url === undefined ? `${api.file} servers[0]` : upstreamEnvName(api.id);
  if (raw === undefined) throw new ProxyConfigError(`${api.id}: no upstream. The spec ${api.file} has no servers; set ${upstreamEnvName(api.id)}.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProxyConfigError(`${api.id}: ${where} is "${raw}", not an absolute URL (expected https://host/base).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ProxyConfigError(`${api.id}: ${where} must be http(s), got ${url.protocol}`);
  if (url.username || url.password || url.search || url.hash) throw new ProxyConfigError(`${api.id}: ${where} must not carry credentials, a query or a fragment.`);
  const allowPrivate = choice.allowPrivate === true;
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    throw new ProxyConfigError(`${api.id}: ${where} points at the private address ${url.hostname}; set ${allowPrivateEnvName(api.id)}=1 to allow it.`);
  }
  const authHeaders = new Set<string>();
  const secretQuery: string[] = [];
  for (const scheme of Object.values(api.securitySchemes)) {
    const header = credentialHeader(scheme);
    if (header !== undefined) authHeaders.add(header);
    else if (scheme.kind === 'apiKey' && scheme.in === 'query') secretQuery.push(scheme.paramName);
  }
  const oauth = declaredOAuthUrls(Object.values(api.securitySchemes), api.servers[0]?.url);
  for (const declared of [...oauth.tokenUrls, ...oauth.discoveryUrls]) {
    let parsed: URL;
    try {
      parsed = new URL(declared);
    } catch {
      throw new ProxyConfigError(`${api.id}: the OAuth URL "${declared}" in ${api.file} is not an absolute URL (and the spec has no server to resolve it against).`);
    }
    if (!allowPrivate && isPrivateHost(parsed.hostname)) {
      throw new ProxyConfigError(`${api.id}: the OAuth URL ${declared} in ${api.file} points at the private address ${parsed.hostname}; set ${allowPrivateEnvName(api.id)}=1 to allow it.`);
    }
  }
  return {
    id: api.id,
    upstream: url.origin + url.pathname.replace(/\/+$/, ''),
    allowPrivate,
    sandbox: choice.sandbox === true,
    operations: api.operations
      .filter((op) => !op.webhook)
      .map((op) => ({
        slug: op.slug,
        method: op.method,
        path: op.path,
        headers: op.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        credentials: credentialsOf(op.security, api.securitySchemes),
      })),
    authHeaders: [...authHeaders],
    secretQuery,
    errorShape: errorShapeOf(api),
    oauth,
  };
}

export function toProxyConfig(apis: ProxyApi[], limits: ProxyLimits = DEFAULT_LIMITS, basePath = '/api/proxy'): ProxyConfig {
  return { basePath: basePath.replace(/\/+$/, ''), apis, limits };
}

/** The header a scheme's credential travels in (lower case); none for query/cookie keys and mutual TLS. */
function credentialHeader(scheme: SecurityScheme): string | undefined {
  if (scheme.kind === 'apiKey') return scheme.in === 'header' ? scheme.paramName.toLowerCase() : undefined;
  return scheme.kind === 'mutualTLS' ? undefined : 'authorization';
}

/** Every header named by any of the operation's requirements (alternatives), in spec order. */
function credentialsOf(security: readonly SecurityRequirement[], schemes: ApiModel['securitySchemes']): string[] {
  const names = new Set<string>();
  for (const requirement of security) {
    for (const name of requirement) {
      const scheme = schemes[name];
      const header = scheme === undefined ? undefined : credentialHeader(scheme);
      if (header !== undefined) names.add(header);
    }
  }
  return [...names];
}
