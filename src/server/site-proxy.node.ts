// Wires the proxy for this site: the APIs from `openapi/`, one upstream per API (a real one
// from `API_BASE_URL_<ID>`, else the sandbox on loopback, allowed explicitly), limits from
// `PROXY_*`, redacted log lines on stdout. `npm start` serves it with the proxy's node:http
// handler; `astro dev` with the Fetch core behind Astro's endpoint.
import { join } from 'node:path';
import { loadApis, specsDir } from '../openapi/index.node.ts';
import { createProxy, formatLogLine, proxyConfigFromEnv, sandboxedApis, type Env, type EnvProxyConfig, type ProxyConfig, type ProxyHandler, type ProxyLogEntry } from '../proxy/index.ts';
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

export async function createSiteProxy({ root, env, sandboxHost = '127.0.0.1', sandboxPort }: SiteProxyOptions): Promise<SiteProxy> {
  const apis = await loadApis(join(root, specsDir(env)), root);
  const needsSandbox = sandboxedApis(apis, env);
  const sandbox = needsSandbox.length > 0 ? await serveSandbox(createSandbox(needsSandbox), { host: sandboxHost, port: sandboxPort }) : undefined;
  let wired: EnvProxyConfig;
  try {
    wired = proxyConfigFromEnv(apis, env, sandbox?.url);
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
  const { config, lines, connectTimeoutMs, allowPrivateHosts } = wired;
  const agentOptions = { connectTimeoutMs, allowPrivateHosts };
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
        // OAuth token and discovery requests are few: a Fetch `fetch` on its own small pool.
        const oauthFetch = createNodeFetch(agentOptions);
        nodeSide = { handler: createNodeProxyHandler(config, { dispatcher, log, oauthFetch }), close: async () => { await dispatcher.close(); await oauthFetch.close(); } };
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
