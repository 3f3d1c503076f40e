// The proxy's configuration from environment variables, one reading for every runtime: Node
// passes `process.env`, a Worker its `env`. Each API goes to `API_BASE_URL_<ID>` when set
// (`spec`: the spec's first server), else to the sandbox at `<sandboxBase>/<id>`.
import { allowPrivateEnvName, upstreamEnvName, type ApiModel } from '../openapi/index.ts';
import { limitsFromEnv, toProxyApi, toProxyConfig, type Env, type UpstreamChoice } from './config.ts';
import { ProxyConfigError } from './errors.ts';
import type { ProxyConfig } from './types.ts';

/** Which APIs go to a real upstream: `API_BASE_URL_<ID>=https://…`, or `=spec` for the spec's first server. */
export function upstreamOf(api: ApiModel, env: Env): UpstreamChoice | undefined {
  const raw = env[upstreamEnvName(api.id)]?.trim();
  if (!raw) return undefined;
  const allowPrivate = /^(1|true|yes)$/i.test(env[allowPrivateEnvName(api.id)] ?? '');
  return raw === 'spec' ? { allowPrivate } : { url: raw, allowPrivate };
}

/** The APIs the sandbox answers: those without an upstream of their own. */
export function sandboxedApis(apis: readonly ApiModel[], env: Env): ApiModel[] {
  return apis.filter((api) => upstreamOf(api, env) === undefined);
}

export interface EnvProxyConfig {
  config: ProxyConfig;
  /** One line per API: where its requests go. */
  lines: string[];
  /** `PROXY_CONNECT_TIMEOUT_MS`: applied by runtimes whose fetch can time the connection alone (Node). */
  connectTimeoutMs: number;
  /** Host names allowed to resolve to private addresses: the sandbox's, and upstreams allowed explicitly. */
  allowPrivateHosts: string[];
  /** `PROXY_LOG=off`. */
  quiet: boolean;
}

/** Throws a `ProxyConfigError` naming the variable for a bad upstream, a private one, or a bad limit. */
export function proxyConfigFromEnv(apis: readonly ApiModel[], env: Env, sandboxBase: string | undefined): EnvProxyConfig {
  const raw = env.PROXY_CONNECT_TIMEOUT_MS;
  const connectTimeoutMs = Number(raw || 10_000);
  if (!(connectTimeoutMs > 0)) throw new ProxyConfigError(`PROXY_CONNECT_TIMEOUT_MS=${raw}: expected a positive number (default 10000).`);
  const lines: string[] = [];
  const proxyApis = apis.map((api) => {
    const choice = upstreamOf(api, env) ?? { url: `${sandboxBase}/${api.id}`, allowPrivate: true, sandbox: true };
    const proxyApi = toProxyApi(api, choice);
    lines.push(
      proxyApi.sandbox
        ? `${api.id}: sandbox at ${proxyApi.upstream} (set ${upstreamEnvName(api.id)} for the real API)`
        : `${api.id}: real upstream ${proxyApi.upstream}`,
    );
    return proxyApi;
  });
  // Under SITE_BASE the site, and so its proxy, live below that path.
  const config = toProxyConfig(proxyApis, limitsFromEnv(env), `${(env.SITE_BASE ?? '').replace(/\/+$/, '')}/api/proxy`);
  // An API allowed a private upstream may also have its declared OAuth URLs there (a local authorization server).
  const allowPrivateHosts = config.apis.filter((a) => a.allowPrivate).flatMap((a) => [a.upstream, ...(a.oauth?.tokenUrls ?? []), ...(a.oauth?.discoveryUrls ?? [])].map((u) => new URL(u).hostname));
  return { config, lines, connectTimeoutMs, allowPrivateHosts, quiet: env.PROXY_LOG === 'off' };
}
