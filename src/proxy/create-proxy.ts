import { createRouter, DEFAULT_ERROR_SHAPE, type Router } from '../openapi/index.ts';
import { toErrorResponse, type ProxyRefusal } from './errors.ts';
import { forwardedHeaderNames, toClientHeaders, toUpstreamHeaders } from './headers.ts';
import { createRateLimiter, createStreamSlots } from './limits.ts';
import { pathProblem, splitTarget } from './path-guard.ts';
import { readBody } from './read-body.ts';
import { redactSearch, scrub, secretsOf } from './redact.ts';
import type { ProxyApi, ProxyConfig, ProxyDeps, ProxyHandler, ProxyLogEntry, ProxyOperation } from './types.ts';
import { watchBody, type BodyOutcome } from './watch-body.ts';

/** Methods Fetch cannot send (and a proxy must not tunnel). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

interface PreparedApi {
  api: ProxyApi;
  router: Router<ProxyOperation>;
  forwarded: Map<string, Set<string>>;
}

/**
 * The proxy: a Fetch `Request` in, a `Response` out. Forwards only operations of the spec
 * to the API's configured upstream; everything else is refused in the API's error shape.
 * Stages: target → rate limit → allow-list → body → slot → upstream → piped response.
 */
export function createProxy(config: ProxyConfig, deps: ProxyDeps): ProxyHandler {
  const now = deps.now ?? (() => performance.now());
  const randomId = deps.randomId ?? (() => crypto.randomUUID());
  const log = deps.log;
  const { limits, basePath } = config;
  const apis = new Map<string, PreparedApi>();
  for (const api of config.apis) {
    const forwarded = new Map(api.operations.map((op) => [op.slug, forwardedHeaderNames(api.authHeaders, op.headers)]));
    apis.set(api.id, { api, router: createRouter(api.operations), forwarded });
  }
  const limiter = createRateLimiter(limits.rateLimitPerMinute, now);
  const slots = createStreamSlots(limits.maxStreams, limits.maxStreamsPerClient);

  return async function proxy(request, context = {}) {
    const started = now();
    const requestId = randomId();
    const client = context.clientId ?? 'anonymous';
    const method = request.method.toUpperCase();
    // A raw target that is not a path is an absolute-form request (`GET http://host/…`): refused below.
    const absoluteForm = context.rawPath !== undefined && !context.rawPath.startsWith('/');
    const target = absoluteForm ? undefined : splitTarget(context.rawPath ?? request.url, basePath);
    const prepared = target === undefined ? undefined : apis.get(target.api);
    const shape = prepared?.api.errorShape ?? DEFAULT_ERROR_SHAPE;
    const entry: ProxyLogEntry = { requestId, api: target?.api ?? '', method, path: '', status: 0, totalMs: 0 };
    let secrets: string[] = [];
    const refuse = (refusal: ProxyRefusal): Response => {
      const response = toErrorResponse(refusal, shape, requestId);
      entry.status = response.status;
      entry.code = refusal.code;
      entry.totalMs = now() - started;
      log?.({ ...entry, path: scrub(entry.path, secrets) });
      return response;
    };

    if (target !== undefined) entry.path = target.path + redactSearch(target.search, prepared?.api.secretQuery ?? []);
    const wait = limiter.take(client);
    if (wait > 0) {
      return refuse({ code: 'PROXY_RATE_LIMITED', message: `Too many requests: the limit is ${limits.rateLimitPerMinute} per minute. Retry in ${wait} s.`, details: { retryAfterSeconds: wait }, headers: { 'retry-after': String(wait) } });
    }
    if (FORBIDDEN_METHODS.has(method)) return refuse({ code: 'PROXY_FORBIDDEN_METHOD', message: `${method} requests are never proxied.` });
    if (absoluteForm) return refuse({ code: 'PROXY_FORBIDDEN_PATH', message: 'Refused request target: absolute URLs are not proxied.' });
    if (target === undefined || prepared === undefined) {
      const known = [...apis.keys()];
      return refuse({ code: 'PROXY_UNKNOWN_API', message: `No API "${target?.api ?? ''}" here. Known APIs: ${known.join(', ')}.`, details: { apis: known } });
    }
    const { api, router, forwarded } = prepared;
    secrets = secretsOf(request.headers, api.authHeaders);
    const problem = pathProblem(target.path);
    if (problem !== undefined) return refuse({ code: 'PROXY_FORBIDDEN_PATH', message: `Refused path: ${problem}.`, details: { path: scrub(target.path, secrets) } });
    const route = router.match(method, target.path);
    if (route.kind !== 'found') {
      const allowed = route.kind === 'method' ? route.allowed : [];
      const hint = allowed.length > 0 ? ` This path allows ${allowed.join(', ')}.` : '';
      return refuse({ code: 'PROXY_UNKNOWN_OPERATION', message: `${method} ${scrub(target.path, secrets)} is not an operation of ${api.id}.${hint}`, details: { method, path: scrub(target.path, secrets), allowed } });
    }
    const operation = route.operation;
    entry.operation = operation.slug;

    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request, limits.maxBodyBytes);
    if (body === 'too-large') {
      return refuse({ code: 'PROXY_BODY_TOO_LARGE', message: `The request body is larger than ${limits.maxBodyBytes} bytes.`, details: { maxBodyBytes: limits.maxBodyBytes } });
    }
    const release = slots.acquire(client);
    if (release === 'global') return refuse({ code: 'PROXY_BUSY', message: `The proxy has ${limits.maxStreams} requests open; retry shortly.`, details: { maxStreams: limits.maxStreams }, headers: { 'retry-after': '1' } });
    if (release === 'client') return refuse({ code: 'PROXY_TOO_MANY_STREAMS', message: `You have ${limits.maxStreamsPerClient} requests open; close one first.`, details: { maxStreamsPerClient: limits.maxStreamsPerClient } });

    // Concatenation, never URL resolution: the path cannot replace the upstream's host or base.
    const url = api.upstream + target.path + target.search;
    const controller = new AbortController();
    const onClientAbort = (): void => controller.abort('client-aborted');
    request.signal?.addEventListener('abort', onClientAbort, { once: true });
    let timedOut = false;
    const headersTimer = setTimeout(() => {
      timedOut = true;
      controller.abort('idle-timeout');
    }, limits.idleTimeoutMs);
    const settle = (): void => {
      release();
      request.signal?.removeEventListener('abort', onClientAbort);
    };
    const done = (status: number, outcome?: BodyOutcome, bytes?: number): void => {
      settle();
      entry.status = status;
      entry.totalMs = now() - started;
      if (bytes !== undefined) entry.bytes = bytes;
      if (outcome !== undefined && outcome !== 'complete') entry.outcome = outcome;
      log?.({ ...entry, path: scrub(entry.path, secrets) });
    };

    let upstream: Response;
    try {
      upstream = await deps.fetch(url, {
        method,
        headers: toUpstreamHeaders(request.headers, forwarded.get(operation.slug) ?? new Set(), requestId),
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      clearTimeout(headersTimer);
      settle();
      if (timedOut) return refuse({ code: 'PROXY_UPSTREAM_TIMEOUT', message: `The upstream did not answer within ${limits.idleTimeoutMs} ms.`, details: { idleTimeoutMs: limits.idleTimeoutMs } });
      if (request.signal?.aborted) return refuse({ code: 'PROXY_CLIENT_CLOSED', message: 'The client closed the request.' });
      return refuse({ code: 'PROXY_UPSTREAM_UNREACHABLE', message: `The upstream of ${api.id} could not be reached.`, details: { reason: errorCode(error) } });
    }
    clearTimeout(headersTimer);
    entry.headersMs = now() - started;

    const location = upstream.status >= 300 && upstream.status < 400 ? upstream.headers.get('location') : null;
    const headers = toClientHeaders(upstream.headers, requestId);
    if (location !== null) {
      const rewritten = toProxyLocation(location, url, api.upstream, `${basePath}/${api.id}`);
      await upstream.body?.cancel().catch(() => {});
      if (rewritten === undefined) {
        settle();
        return refuse({ code: 'PROXY_REDIRECT_REFUSED', message: `The upstream redirected outside ${api.upstream}; the proxy follows no redirects to other hosts.` });
      }
      headers.location = rewritten;
    }
    if (upstream.body === null || location !== null) {
      done(upstream.status, 'complete', 0);
      return new Response(null, { status: upstream.status, headers });
    }
    const piped = watchBody(upstream.body, {
      idleMs: limits.idleTimeoutMs,
      abort: (reason) => controller.abort(reason),
      onDone: (outcome, bytes) => done(upstream.status, outcome, bytes),
    });
    return new Response(piped, { status: upstream.status, headers });
  };
}

/** A redirect inside the API's base becomes a proxy URL; anything else is refused (undefined). */
function toProxyLocation(location: string, requestUrl: string, upstream: string, mount: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(location, requestUrl);
  } catch {
    return undefined;
  }
  const href = resolved.origin + resolved.pathname;
  if (!href.startsWith(upstream + '/')) return undefined;
  const rest = href.slice(upstream.length);
  return pathProblem(rest) === undefined ? mount + rest + resolved.search : undefined;
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : (error as Error)?.name ?? 'Error';
}
