// Real servers on 127.0.0.1 for the proxy tests, on every runtime the proxy ships on:
// - node / fetch: the sandbox (every spec in openapi/) served by node:http, and the proxy's
//   node:http front handler (or the Fetch core behind the Node bridge) in front of it;
// - workerd: the Worker as `npm run build` makes it, run in local workerd (Miniflare), with its
//   own sandbox inside and the README's variables in its env.
// All get a scriptable upstream on Node for what a sandbox never does (stall, redirect away,
// gzip, echo headers).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { buildWorker, startLocalWorker } from '../../src/edge/index.node.ts';
import { loadApis } from '../../src/openapi/load.node.ts';
import type { ApiModel, Operation } from '../../src/openapi/index.ts';
import { createProxy, DEFAULT_LIMITS, formatLogLine, toProxyApi, toProxyConfig, type ProxyLimits, type ProxyLogEntry } from '../../src/proxy/index.ts';
import { createClientErrorHandler, createNodeFetch, createNodeProxyHandler, createUpstreamAgent } from '../../src/proxy/index.node.ts';
import { toNodeHandler } from '../../src/request/index.node.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { serveSandbox } from '../../src/sandbox/serve.node.ts';
import { createFrontHandler, proxyTargetTest } from '../../src/server/front-handler.node.ts';

let apisOnce: Promise<ApiModel[]> | undefined;
export const loadSpecApis = (): Promise<ApiModel[]> => (apisOnce ??= loadApis('openapi'));

/** What the scriptable upstream saw. */
export interface UpstreamLog {
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  /** URLs whose connection closed before the response finished. */
  closedEarly: string[];
  /** Request bodies received whole, by URL and size. */
  received: Array<{ url: string; bytes: number }>;
}

const op = (method: Operation['method'], path: string, security: string[][] = [['bearer'], ['key']]): Operation => ({
  slug: `${method}-${path.slice(1)}`, method, path, tags: [], deprecated: false, parameters: [], security, servers: [], webhook: false,
  responses: [{ status: '200', description: '', headers: [], links: [], content: [] }],
});

/** A spec for the scriptable upstream: these operations, bearer auth, the default error shape. */
const testApi: ApiModel = {
  id: 'scripted', file: 'tests/unit/proxy-harness.ts', openapi: '3.1.0', title: 'Scripted', version: '1', tags: [], schemas: {},
  servers: [{ url: 'https://scripted.invalid' }],
  securitySchemes: { bearer: { kind: 'http', name: 'bearer', scheme: 'bearer' }, key: { kind: 'apiKey', name: 'key', in: 'header', paramName: 'x-api-key' } },
  operations: [
    op('get', '/headers'), op('post', '/echo'), op('post', '/stream'), op('post', '/ticks'), op('get', '/slow'), op('get', '/stall'),
    op('get', '/redirect-out'), op('get', '/redirect-in'), op('get', '/gzip'), op('get', '/cookie'), op('get', '/public', []),
    op('get', '/html'), op('get', '/untyped'), op('get', '/svg'), op('get', '/image'), op('get', '/café/{id}'), op('post', '/first-chunk'),
  ],
};

/** What the scripted upstream's token endpoint answers: the log tests look for these in log lines. */
export const SCRIPTED_TOKENS = { access_token: 'sk-LOGSECRET-access-token', refresh_token: 'sk-LOGSECRET-refresh-token', token_type: 'Bearer', expires_in: 60 };

/**
 * `authz`: an API whose spec declares OAuth URLs on the scripted upstream (relative, so resolved
 * against its server): a token URL it answers, and a discovery document it does not have (404).
 */
export function oauthTestApi(upstreamUrl: string): ApiModel {
  return {
    ...testApi, id: 'authz', servers: [{ url: upstreamUrl }],
    securitySchemes: {
      oauth: { kind: 'oauth2', name: 'oauth', flows: [{ type: 'clientCredentials', tokenUrl: '/oauth/token', scopes: { read: 'Read' } }] },
      oidc: { kind: 'openIdConnect', name: 'oidc', openIdConnectUrl: '/.well-known/openid-configuration' },
    },
    operations: [op('get', '/headers', [['oauth'], ['oidc']])],
  };
}

export interface Stack {
  runtime: Runtime;
  proxyUrl: string;
  /** The sandbox's base: an API lives at `<sandboxUrl>/<api id>`. */
  sandboxUrl: string;
  upstream: UpstreamLog;
  /** The scripted upstream's origin. */
  upstreamUrl: string;
  /** Sandbox requests the proxy made, by path (`/melious/v1/models`). */
  sandboxHits: string[];
  logs: string[];
  /** The log line of one request (by its `x-request-id`), once written: workerd prints it a moment after answering. */
  logFor(requestId: string): Promise<string>;
  /** Lets `/stream` send its last event and finish. */
  releaseStream(): void;
  close(): Promise<void>;
}

/**
 * `node`: the proxy's node:http handler, as `npm start` serves it. `fetch`: the Fetch core (as on
 * edges and under `astro dev`) behind the shared Node ↔ Fetch bridge, calling undici's fetch.
 * `workerd`: the built Worker in local workerd, calling workerd's fetch (`npm run start:edge`).
 */
export type Runtime = 'node' | 'fetch' | 'workerd';

export interface StackOptions {
  /** Pause between the sandbox's streamed events (Node only; the Worker's sandbox keeps its default). */
  eventDelayMs?: number;
  runtime?: Runtime;
}

export async function startStack(limits: Partial<ProxyLimits> = {}, { eventDelayMs = 20, runtime = 'node' }: StackOptions = {}): Promise<Stack> {
  return runtime === 'workerd' ? startWorkerdStack(limits) : startNodeStack(limits, eventDelayMs, runtime);
}

async function startNodeStack(limits: Partial<ProxyLimits>, eventDelayMs: number, runtime: 'node' | 'fetch'): Promise<Stack> {
  const apis = await loadSpecApis();
  const sandboxHits: string[] = [];
  const sandboxHandler = createSandbox(apis, { eventDelayMs, random: seeded(7) });
  const sandbox = await serveSandbox(async (request) => {
    sandboxHits.push(new URL(request.url).pathname);
    return sandboxHandler(request);
  });
  const { upstream, upstreamLog, upstreamUrl, release } = await startScripted();

  // `dead`: the same operations on a port where nothing listens.
  const closed = await listen(createServer());
  const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  const proxyApis = [
    ...apis.map((api) => toProxyApi(api, { url: `${sandbox.url}/${api.id}`, allowPrivate: true, sandbox: true })),
    toProxyApi(testApi, { url: upstreamUrl, allowPrivate: true }),
    toProxyApi({ ...testApi, id: 'dead' }, { url: deadUrl, allowPrivate: true }),
    toProxyApi(oauthTestApi(upstreamUrl), { url: upstreamUrl, allowPrivate: true }),
  ];
  const config = toProxyConfig(proxyApis, { ...DEFAULT_LIMITS, ...limits });
  const logs: string[] = [];
  const log = (entry: ProxyLogEntry): void => void logs.push(formatLogLine(entry));
  const upstreams = { allowPrivateHosts: ['127.0.0.1'] };
  let closeUpstreams: () => Promise<void>;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  if (runtime === 'node') {
    const dispatcher = createUpstreamAgent(upstreams);
    const oauthFetch = createNodeFetch(upstreams);
    handler = createNodeProxyHandler(config, { dispatcher, log, oauthFetch });
    closeUpstreams = async () => {
      await dispatcher.close();
      await oauthFetch.close();
    };
  } else {
    const fetch = createNodeFetch(upstreams);
    const proxy = createProxy(config, { fetch, log });
    handler = toNodeHandler((request, req) => proxy(request, { rawPath: req.url, clientId: req.socket.remoteAddress }), {
      origin: 'http://proxy',
      onError: () => Response.json({ error: { code: 'PROXY_BAD_REQUEST', message: 'not representable in Fetch', details: {} } }, { status: 400 }),
    });
    closeUpstreams = () => fetch.close();
  }
  const notSite = (_req: IncomingMessage, res: ServerResponse): void => void res.writeHead(418).end('site');
  const frontServer = createServer(createFrontHandler({ mount: config.basePath, proxy: handler, site: notSite }));
  if (runtime === 'node') frontServer.on('clientError', createClientErrorHandler(config, { log }, proxyTargetTest(config.basePath)));
  const front = await listen(frontServer);
  return {
    runtime,
    proxyUrl: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    sandboxUrl: sandbox.url,
    upstream: upstreamLog,
    upstreamUrl,
    sandboxHits,
    logs,
    logFor: (id) => waitForLine(logs, id),
    releaseStream: () => release.current(),
    async close() {
      for (const server of [front, upstream]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await closeUpstreams();
      await sandbox.close();
    },
  };
}

/** The README's names for the limits: the Worker reads them from its env. */
const LIMIT_VARS: Record<keyof ProxyLimits, string> = {
  maxBodyBytes: 'PROXY_MAX_BODY_BYTES',
  idleTimeoutMs: 'PROXY_IDLE_TIMEOUT_MS',
  rateLimitPerMinute: 'PROXY_RATE_LIMIT_PER_MINUTE',
  maxStreams: 'PROXY_MAX_STREAMS',
  maxStreamsPerClient: 'PROXY_MAX_STREAMS_PER_CLIENT',
};

let workerOnce: Promise<string> | undefined;

/** The Worker built once per test file, with the scripted API beside the specs; its assets are an empty folder. */
export function buildTestWorker(): Promise<string> {
  workerOnce ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-worker-'));
    const assetsDir = join(dir, 'client');
    mkdirSync(assetsDir);
    const built = await buildWorker({ apis: [...(await loadSpecApis()), testApi], outDir: join(dir, 'worker'), assetsDir });
    return built.configPath;
  })();
  return workerOnce;
}

/** A proxy log line's API and path, when the proxy forwarded it (no `PROXY_` code). */
const FORWARDED = /^proxy \S+ (\S+) \S+ \S+ (\S+) \d+ (?!PROXY_)/;

async function startWorkerdStack(limits: Partial<ProxyLimits>): Promise<Stack> {
  const { upstream, upstreamLog, upstreamUrl, release } = await startScripted();
  const vars: Record<string, string> = { API_BASE_URL_SCRIPTED: upstreamUrl, API_ALLOW_PRIVATE_SCRIPTED: '1' };
  for (const [key, value] of Object.entries(limits)) vars[LIMIT_VARS[key as keyof ProxyLimits]] = String(value);
  const logs: string[] = [];
  const sandboxHits: string[] = [];
  const worker = await startLocalWorker({
    configPath: await buildTestWorker(),
    vars,
    onOutput: (line) => {
      if (!line.startsWith('proxy ')) return;
      logs.push(line);
      const forwarded = FORWARDED.exec(line);
      if (forwarded && forwarded[1] !== 'scripted') sandboxHits.push(`/${forwarded[1]}${forwarded[2].split('?')[0]}`);
    },
  });
  return {
    runtime: 'workerd',
    proxyUrl: worker.url,
    sandboxUrl: `${worker.url}/sandbox`,
    upstream: upstreamLog,
    upstreamUrl,
    sandboxHits,
    logs,
    logFor: (id) => waitForLine(logs, id),
    releaseStream: () => release.current(),
    async close() {
      await worker.close();
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    },
  };
}

async function waitForLine(logs: readonly string[], id: string, timeoutMs = 3000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const line = logs.find((l) => l.includes(` ${id} `));
    if (line !== undefined) return line;
    if (Date.now() > until) throw new Error(`no log line for request ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startScripted(): Promise<{ upstream: Server; upstreamLog: UpstreamLog; upstreamUrl: string; release: { current: () => void } }> {
  const upstreamLog: UpstreamLog = { requests: [], closedEarly: [], received: [] };
  const release = { current: () => {} };
  const upstream = await listen(createServer((req, res) => scripted(req, res, upstreamLog, (fn) => (release.current = fn))));
  return { upstream, upstreamLog, upstreamUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, release };
}

function scripted(req: IncomingMessage, res: ServerResponse, log: UpstreamLog, onRelease: (fn: () => void) => void): void {
  const url = req.url ?? '';
  log.requests.push({ method: req.method ?? '', url, headers: req.headers });
  res.on('close', () => {
    if (!res.writableFinished) log.closedEarly.push(url);
  });
  if (url === '/first-chunk') {
    // Answers as soon as the first body bytes arrive: only a proxy that pipes the body gets here.
    req.once('data', (c: Buffer) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ first: c.toString('utf8') })));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    log.received.push({ url, bytes: body.length });
    if (url === '/headers' || url === '/public') return void res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=abc', 'access-control-allow-origin': '*' }).end(JSON.stringify(req.headers));
    if (url === '/echo') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: body.length }));
    if (url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: {"n":1}\n\n');
      onRelease(() => res.end('data: {"n":2}\n\ndata: [DONE]\n\n'));
      return;
    }
    if (url === '/ticks') {
      // An event every 100 ms until the client goes: a generation in progress.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: {"n":1}\n\n');
      const tick = setInterval(() => res.write('data: {"n":2}\n\n'), 100);
      res.on('close', () => clearInterval(tick));
      return;
    }
    if (url === '/slow') return void setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 1500).unref();
    if (url === '/stall') return void res.writeHead(200, { 'content-type': 'text/plain' }).write('first chunk, then silence');
    if (url === '/redirect-out') return void res.writeHead(302, { location: 'http://evil.example/steal' }).end();
    if (url === '/redirect-in') return void res.writeHead(307, { location: '/headers' }).end();
    if (url === '/gzip') return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"zipped":true}'));
    // Active content an attacker's upstream could send: it must never run on the docs origin.
    if (url === '/html') return void res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'unsafe-inline'" }).end('<script>localStorage.stolen = 1</script>');
    if (url === '/untyped') return void res.end('<html><script>localStorage.stolen = 1</script></html>');
    if (url === '/svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>localStorage.stolen = 1</script></svg>');
    if (url.startsWith('/caf%C3%A9/')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: decodeURI(url) }));
    if (url === '/oauth/token') return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(SCRIPTED_TOKENS));
    if (url === '/image') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('89504e470d0a1a0a', 'hex'));
    res.writeHead(404).end();
  });
}

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  raw: Buffer;
}

/**
 * An HTTP request whose path is sent exactly as given (fetch would normalise `..` and `%2e`),
 * under the base URL's path, on a fresh connection (a runtime may close one it answered early).
 * `text` is decoded as a browser would (workerd compresses for clients that accept it), `raw`
 * is the bytes as sent. `from` binds the client to another loopback address: another client
 * for the per-client limits.
 */
export function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer, from?: string): Promise<RawResponse> {
  const { hostname, port, pathname } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path: pathname.replace(/\/$/, '') + path, headers, localAddress: from, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: decoded.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes raw bytes on a socket and returns the status line and body: for absolute-form targets. */
export function sendRaw(base: string, text: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

/** A small deterministic PRNG (mulberry32) so task ids are stable in tests. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `text` (a request head, and maybe part of a body that is never finished) and returns
 * whatever came back by the time the server closed the socket, or after `waitMs` at most.
 */
export function sendPartial(base: string, text: string | Buffer, waitMs = 5000): Promise<{ text: string; closed: boolean }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let out = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text: out, closed: false });
    }, waitMs);
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text: out, closed: true });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (out !== '') resolve({ text: out, closed: true });
      else reject(error);
    });
  });
}

const STREAM_AUTH = { authorization: 'Bearer sk-test-SECRET-1234', 'content-type': 'application/json' };

/** A request whose response is read chunk by chunk (`…stall`: a GET, else a POST of `{}`). */
export function openStream(base: string, path: string, headers: Record<string, string> = STREAM_AUTH, from?: string) {
  const { hostname, port } = new URL(base);
  let abort = (): void => {};
  let resolveFirst: (text: string) => void = () => {};
  const firstChunk = new Promise<string>((resolve) => (resolveFirst = resolve));
  const done = new Promise<string>((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: path.includes('stall') || path.includes('slow') ? 'GET' : 'POST', path, headers, localAddress: from, agent: from === undefined ? undefined : false }, (res) => {
      let all = '';
      res.on('data', (chunk: Buffer) => {
        if (all === '') resolveFirst(chunk.toString('utf8'));
        all += chunk.toString('utf8');
      });
      res.on('end', () => resolve(all));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('aborted')));
    });
    req.on('error', reject);
    abort = () => req.destroy();
    req.end(path.includes('stall') || path.includes('slow') ? undefined : '{}');
  });
  done.catch(() => {});
  return { firstChunk, done, abort: () => abort() };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
