// Wires the proxy for this site: the APIs from `openapi/`, one upstream per API (a real one
// from `API_BASE_URL_<ID>`, else the sandbox on loopback, allowed explicitly), limits from
// `PROXY_*`, redacted log lines on stdout. `npm start` serves it with the proxy's node:http
// handler; `astro dev` with the Fetch core behind Astro's endpoint.
import { join } from 'node:path';
import { loadApis } from '../openapi/index.node.ts';
import { allowPrivateEnvName, upstreamEnvName, type ApiModel } from '../openapi/index.ts';
import {
  createProxy, formatLogLine, limitsFromEnv, ProxyConfigError, toProxyApi, toProxyConfig,
  type Env, type ProxyConfig, type ProxyHandler, type ProxyLogEntry, type UpstreamChoice,
} from '../proxy/index.ts';
import { createClientErrorHandler, createNodeFetch, createNodeProxyHandler, createUpstreamAgent } from '../proxy/index.node.ts';
import type { NodeHandler } from '../request/index.node.ts';
import { createSandbox } from '../sandbox/index.ts';
import { serveSandbox, type ServedSandbox } from '../sandbox/index.node.ts';

export interface SiteProxyOptions {
  /** Project root holding `openapi/`. */
  root: string;
  env: Env;
  /** Where the sandbox listens when an API needs it. */
  sandboxHost?: string;
  sandboxPort: number;
}

export interface SiteProxy {
  /** The proxy as a Fetch handler (built on first use). */
  readonly proxy: ProxyHandler;
  /** The proxy as a node:http handler (built on first use). */
  readonly nodeHandler: NodeHandler;
  /** A node:http `clientError` listener answering refused proxy targets from the proxy's catalogue. */
  clientErrorHandler(isProxyTarget: (target: string) => boolean): ReturnType<typeof createClientErrorHandler>;
  config: ProxyConfig;
  sandbox?: ServedSandbox;
  /** One line per API: where its requests go. */
  lines: string[];
  close(): Promise<void>;
}

/** Which APIs go to a real upstream: `API_BASE_URL_<ID>=https://…`, or `=spec` for the spec's first server. */
export function upstreamOf(api: ApiModel, env: Env): UpstreamChoice | undefined {
  const raw = env[upstreamEnvName(api.id)]?.trim();
  if (!raw) return undefined;
  const allowPrivate = /^(1|true|yes)$/i.test(env[allowPrivateEnvName(api.id)] ?? '');
  return raw === 'spec' ? { allowPrivate } : { url: raw, allowPrivate };
}

export async function createSiteProxy({ root, env, sandboxHost = '127.0.0.1', sandboxPort }: SiteProxyOptions): Promise<SiteProxy> {
  const apis = await loadApis(join(root, 'openapi'), root);
  const real = new Map(apis.map((api) => [api.id, upstreamOf(api, env)]));
  const needsSandbox = apis.filter((api) => real.get(api.id) === undefined);
  const sandbox = needsSandbox.length > 0 ? await serveSandbox(createSandbox(needsSandbox), { host: sandboxHost, port: sandboxPort }) : undefined;

  const lines: string[] = [];
  let config: ProxyConfig;
  let connectTimeoutMs: number;
  try {
    connectTimeoutMs = Number(env.PROXY_CONNECT_TIMEOUT_MS || 10_000);
    if (!(connectTimeoutMs > 0)) throw new ProxyConfigError(`PROXY_CONNECT_TIMEOUT_MS=${env.PROXY_CONNECT_TIMEOUT_MS}: expected a positive number (default 10000).`);
    const proxyApis = apis.map((api) => {
      const choice = real.get(api.id) ?? { url: `${sandbox?.url}/${api.id}`, allowPrivate: true, sandbox: true };
      const proxyApi = toProxyApi(api, choice);
      lines.push(
        proxyApi.sandbox
          ? `${api.id}: sandbox at ${proxyApi.upstream} (set ${upstreamEnvName(api.id)} for the real API)`
          : `${api.id}: real upstream ${proxyApi.upstream}`,
      );
      return proxyApi;
    });
    config = toProxyConfig(proxyApis, limitsFromEnv(env));
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
  const agentOptions = { connectTimeoutMs, allowPrivateHosts: config.apis.filter((a) => a.allowPrivate).map((a) => new URL(a.upstream).hostname) };
  const log = env.PROXY_LOG === 'off' ? undefined : (entry: ProxyLogEntry) => console.log(formatLogLine(entry));
  let fetchSide: { proxy: ProxyHandler; close(): Promise<void> } | undefined;
  let nodeSide: { handler: NodeHandler; close(): Promise<void> } | undefined;
  return {
    get proxy() {
      if (fetchSide === undefined) {
        const fetch = createNodeFetch(agentOptions);
        fetchSide = { proxy: createProxy(config, { fetch, log }), close: () => fetch.close() };
      }
      return fetchSide.proxy;
    },
    get nodeHandler() {
      if (nodeSide === undefined) {
        const dispatcher = createUpstreamAgent(agentOptions);
        nodeSide = { handler: createNodeProxyHandler(config, { dispatcher, log }), close: () => dispatcher.close() };
      }
      return nodeSide.handler;
    },
    clientErrorHandler: (isProxyTarget) => createClientErrorHandler(config, { log }, isProxyTarget),
    config,
    sandbox,
    lines,
    async close() {
      await fetchSide?.close();
      await nodeSide?.close();
      await sandbox?.close();
    },
  };
}
