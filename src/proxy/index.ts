// The try-it proxy: a Fetch-API core that runs unchanged on Node and on edge runtimes.
// `fetch.node.ts` (undici-based fetch) is Node-only and imported by path, not from here.
export type { FetchLike, ProxyConfig, ProxyHandler, ProxyLimits, ProxyLogEntry } from './types.ts';
export { createProxy } from './create-proxy.ts';
export { DEFAULT_LIMITS, limitsFromEnv, toProxyApi, toProxyConfig, type Env, type UpstreamChoice } from './config.ts';
export { PROXY_ERRORS, ProxyConfigError, type ProxyErrorCode } from './errors.ts';
export { formatLogLine } from './log-line.ts';
// Every runtime reads the same variables; edges, which resolve DNS themselves, guard their fetch.
export { proxyConfigFromEnv, sandboxedApis, type EnvProxyConfig } from './from-env.ts';
export { guardFetch } from './guard-fetch.ts';
