// The Worker's wiring: the same proxy, sandbox and MCP cores the Node server runs, configured
// from the Worker's env by the same reading (proxyConfigFromEnv). Holds no logic of its own:
// it routes a request to a core, or to the static assets.
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker-provider.js';
import { createMcpHandler, MCP_PATH } from '../ai/index.ts';
import { createProxy, formatLogLine, guardFetch, proxyConfigFromEnv, sandboxedApis, type Env, type FetchLike, type ProxyHandler } from '../proxy/index.ts';
import { createSandbox, type SandboxHandler } from '../sandbox/index.ts';
import type { EdgeData, RateLimitBinding, WorkerEnv } from './types.ts';

/** Where the sandbox answers directly (`/sandbox/<api>/…`), beside the proxy at `/api/proxy/<api>/…`. */
export const SANDBOX_MOUNT = '/sandbox';

/**
 * The proxy's upstream for sandboxed APIs. Never resolved: the proxy's fetch hands these
 * requests to the sandbox in the same isolate, so a proxied sandbox call costs no subrequest.
 */
const SANDBOX_ORIGIN = 'http://sandbox.internal';

export interface EdgeApp {
  /** Where each API's requests go, one line per API (logged once per isolate). */
  lines: string[];
  handle(request: Request): Promise<Response>;
}

/** Throws a `ProxyConfigError` naming the variable when the env is wrong (a private upstream, a bad limit). */
export function createEdgeApp(data: EdgeData, env: WorkerEnv, platformFetch: FetchLike): EdgeApp {
  const vars = stringsOf(env);
  const sandboxApis = sandboxedApis(data.apis, vars);
  const sandbox = sandboxApis.length > 0 ? createSandbox(sandboxApis, { validators: data.validators }) : undefined;
  const { config, lines, allowPrivateHosts, quiet } = proxyConfigFromEnv(data.apis, vars, SANDBOX_ORIGIN);
  const guarded = guardFetch(platformFetch, allowPrivateHosts);
  const fetch: FetchLike = (url, init) =>
    sandbox !== undefined && url.startsWith(`${SANDBOX_ORIGIN}/`) ? sandbox(new Request(`http://sandbox${url.slice(SANDBOX_ORIGIN.length)}`, init)) : guarded(url, init);
  const proxy: ProxyHandler = createProxy(config, { fetch, log: quiet ? undefined : (entry) => console.log(formatLogLine(entry)), rateLimit: platformLimit(env.PROXY_RATE_LIMITER) });
  const proxyPrefix = `${config.basePath}/`;
  // MCP calls operations through the same proxy core; workerd compiles no code, so the SDK checks
  // schemas with @cfworker/json-schema instead of Ajv.
  const mcp = data.ai === undefined ? undefined : createMcpHandler({
    data: data.ai,
    // The twins' Markdown is in the assets, beside the pages (the bundled data leaves it out).
    readTwin: async (file) => {
      const response = await env.ASSETS?.fetch(new Request(new URL(data.ai!.base + file, 'https://assets.invalid')));
      if (!response?.ok) throw new Error(`No twin ${file} in the assets (${response?.status ?? 'no ASSETS binding'}).`);
      return response.text();
    },
    proxyBase: config.basePath,
    callOperation: (request, context) => proxy(request, { clientId: context.clientId }),
    jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
  });
  const mcpPath = `/${MCP_PATH}`;

  return {
    lines: lines.map((line) => line.replace(SANDBOX_ORIGIN, SANDBOX_MOUNT)),
    async handle(request) {
      const { pathname } = new URL(request.url);
      const clientId = request.headers.get('cf-connecting-ip') ?? 'anonymous';
      if (pathname.startsWith(proxyPrefix)) return proxy(request, { clientId });
      if (mcp !== undefined && pathname.replace(/\/+$/, '') === mcpPath) return mcp(request, { clientId });
      if (sandbox !== undefined && pathname.startsWith(`${SANDBOX_MOUNT}/`)) return toSandbox(sandbox, request);
      if (env.ASSETS !== undefined) return env.ASSETS.fetch(request);
      return new Response('Not found', { status: 404 });
    },
  };
}

/**
 * Cloudflare's rate-limiting binding, when the wrangler config declares one: its counters are
 * shared by the isolates of a location, where the in-memory bucket is per isolate. It does not
 * say when a client may retry; 10 s is its shortest period.
 */
function platformLimit(binding: RateLimitBinding | undefined): ((clientId: string) => Promise<number>) | undefined {
  if (binding === undefined) return undefined;
  return async (clientId) => ((await binding.limit({ key: clientId })).success ? 0 : 10);
}

/** `/sandbox/melious/v1/models` → the sandbox's `/melious/v1/models`. */
function toSandbox(sandbox: SandboxHandler, request: Request): Promise<Response> {
  const url = new URL(request.url);
  return sandbox(new Request(`http://sandbox${url.pathname.slice(SANDBOX_MOUNT.length)}${url.search}`, request));
}

/** The Worker's variables (strings); bindings (objects) are not configuration values. */
function stringsOf(env: WorkerEnv): Env {
  const out: Env = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') out[name] = value;
  return out;
}
