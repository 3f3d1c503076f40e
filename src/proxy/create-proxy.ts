import { PROXY_ERRORS, toErrorResponse, type ProxyRefusal } from './errors.ts';
import { answerOAuth, createOAuthRelay, readSmallBody } from './oauth-relay.ts';
import { toClientHeaders, toUpstreamHeaders } from './headers.ts';
import { capBody } from './limits.ts';
import { createProxyStages } from './proxy-stages.ts';
import { toProxyLocation } from './redirect.ts';
import { failureReason, refusals } from './refusals.ts';
import type { RequestHead } from './request-head.ts';
import type { ProxyConfig, ProxyDeps, ProxyHandler } from './types.ts';
import { watchBody, type BodyOutcome } from './watch-body.ts';

/**
 * The proxy as a Fetch handler: a `Request` in, a `Response` out, calling the upstream with the
 * `fetch` it is given (the platform's on edges). Forwards only operations of the spec to the
 * API's configured upstream; everything else is refused in the API's error shape.
 * Stages: gate (head only) → upstream call with the body streamed → piped response.
 */
export function createProxy(config: ProxyConfig, deps: ProxyDeps): ProxyHandler {
  const { now, gate, start } = createProxyStages(config, deps);
  const { limits } = config;
  const relay = createOAuthRelay(deps.fetch);

  return async function proxy(request, context = {}) {
    const head: RequestHead = {
      method: request.method.toUpperCase(),
      target: context.rawPath ?? pathAndQuery(request.url),
      headers: request.headers,
      clientId: context.clientId ?? 'anonymous',
    };
    const { requestId, started, log } = start(head);
    const admission = gate.admit(head, log, deps.rateLimit === undefined ? undefined : await deps.rateLimit(head.clientId));
    if (admission.kind === 'refused') {
      // The body is never read: cancelling tells the runtime to stop accepting it.
      request.body?.cancel().catch(() => {});
      log.entry.code = admission.refusal.code;
      const response = toErrorResponse(admission.refusal, admission.shape, requestId);
      log.emit(response.status);
      return response;
    }
    if (admission.kind === 'oauth') {
      return answerOAuth(relay, { method: head.method, route: admission.route, search: admission.search, headers: request.headers, body: (max) => readSmallBody(request.body, max) }, admission.allowed, requestId, log);
    }
    const { allowed, operation, url, release } = admission;
    const refuse = (refusal: ProxyRefusal): Response => {
      const response = toErrorResponse(refusal, allowed.shape, requestId);
      log.entry.code = refusal.code;
      log.emit(response.status);
      return response;
    };

    const controller = new AbortController();
    let answered = false;
    const onClientAbort = (): void => {
      controller.abort('client-aborted');
      // workerd drops a request's pending work once its client has gone, so the upstream call
      // below may never settle: free the slot and log now (a started body: see watchBody).
      if (answered) return;
      settle();
      log.entry.code = refusals.clientClosed().code;
      log.emit(PROXY_ERRORS.PROXY_CLIENT_CLOSED);
    };
    request.signal?.addEventListener('abort', onClientAbort, { once: true });
    let timedOut = false;
    let tooLarge = false;
    const headersTimer = setTimeout(() => {
      timedOut = true;
      controller.abort('idle-timeout');
    }, limits.idleTimeoutMs);
    const settle = (): void => {
      release();
      request.signal?.removeEventListener('abort', onClientAbort);
    };

    const body = admission.hasBody && request.body !== null ? capBody(request.body, limits.maxBodyBytes, () => {
      tooLarge = true;
      controller.abort('body-too-large');
    }) : undefined;
    let upstream: Response;
    try {
      upstream = await deps.fetch(url, {
        method: head.method,
        headers: new Headers(toUpstreamHeaders(request.headers, allowed.forwarded.get(operation.slug) ?? [], requestId)),
        body,
        duplex: body === undefined ? undefined : 'half',
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      clearTimeout(headersTimer);
      settle();
      if (tooLarge) return refuse(refusals.bodyTooLarge(limits));
      if (timedOut) return refuse(refusals.upstreamTimeout(limits));
      if (request.signal?.aborted) return refuse(refusals.clientClosed());
      return refuse(refusals.unreachable(allowed.api.id, failureReason(error)));
    }
    clearTimeout(headersTimer);
    answered = true;
    log.entry.headersMs = now() - started;

    const location = upstream.status >= 300 && upstream.status < 400 ? upstream.headers.get('location') : null;
    const headers = toClientHeaders(upstream.headers, requestId, upstream.headers.has('content-encoding'));
    if (location !== null) {
      const rewritten = toProxyLocation(location, url, allowed.api.upstream, allowed.mount);
      await upstream.body?.cancel().catch(() => {});
      if (rewritten === undefined) {
        settle();
        return refuse(refusals.redirectRefused(allowed.api.upstream));
      }
      headers.location = rewritten;
    }
    const done = (status: number, outcome: BodyOutcome, bytes: number): void => {
      settle();
      log.emit(status, { bytes, outcome: outcome === 'complete' ? undefined : outcome });
    };
    if (upstream.body === null || location !== null) {
      done(upstream.status, 'complete', 0);
      return new Response(null, { status: upstream.status, headers });
    }
    const piped = watchBody(upstream.body, {
      idleMs: limits.idleTimeoutMs,
      abort: (reason) => controller.abort(reason),
      onDone: (outcome, bytes) => done(upstream.status, outcome, bytes),
      clientSignal: request.signal ?? undefined,
    });
    return new Response(piped, { status: upstream.status, headers });
  };
}

/** `http://host/a/b?q` → `/a/b?q`, without re-parsing (a parser would normalise the path). */
function pathAndQuery(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return url;
  const slash = url.indexOf('/', scheme + 3);
  return slash < 0 ? '/' : url.slice(slash);
}
