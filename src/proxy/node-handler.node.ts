// The proxy on node:http, without Fetch objects on the hot path: the same gate, header
// hygiene, refusals and log as the Fetch core (`create-proxy.ts`), with node's request piped
// to undici's dispatcher and the upstream's chunks written straight to node's response.
// A Fetch Request/Response pair and web streams cost more CPU per request than the whole
// forwarding, so on Node the core's stages are driven directly.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { ErrorShape } from '../openapi/index.ts';
import { hasUnreadBody, type NodeHandler } from '../request/index.node.ts';
import type { AllowedApi } from './allow-list.ts';
import { toRefusalParts, type ProxyRefusal } from './errors.ts';
import type { Admitted } from './gate.ts';
import { answerOAuth, createOAuthRelay, type OAuthRelay } from './oauth-relay.ts';
import { toClientHeaders, toUpstreamHeaders } from './headers.ts';
import { createProxyStages } from './proxy-stages.ts';
import { toProxyLocation } from './redirect.ts';
import { failureReason, refusals } from './refusals.ts';
import type { RequestLog } from './request-log.ts';
import { capped, collect, COLLECT_UP_TO } from './request-body.node.ts';
import type { HeaderSource, RequestHead } from './request-head.ts';
import type { FetchLike, ProxyConfig, ProxyDeps, ProxyLimits } from './types.ts';

export interface NodeProxyDeps extends Omit<ProxyDeps, 'fetch'> {
  /** undici dispatcher to the upstreams: `createUpstreamAgent()`. */
  dispatcher: Dispatcher;
  /** A Fetch `fetch` for the few OAuth token and discovery requests (`createNodeFetch()`); without it those routes answer 500. */
  oauthFetch?: FetchLike;
}

export function createNodeProxyHandler(config: ProxyConfig, deps: NodeProxyDeps): NodeHandler {
  const { now, gate, start } = createProxyStages(config, deps);
  const { limits } = config;
  const relay = deps.oauthFetch ? createOAuthRelay(deps.oauthFetch) : undefined;

  return (req, res) => {
    const head: RequestHead = {
      method: (req.method ?? 'GET').toUpperCase(),
      target: req.url ?? '/',
      headers: nodeHeaders(req.headers),
      clientId: req.socket.remoteAddress ?? 'unknown',
    };
    const { requestId, started, log } = start(head);
    try {
      const admission = gate.admit(head, log);
      if (admission.kind === 'refused') return refuse(res, log, admission.refusal, admission.shape, requestId);
      if (admission.kind === 'oauth') {
        if (!relay) return refuse(res, log, refusals.internal(), admission.allowed.shape, requestId);
        void oauth(req, res, relay, { method: head.method, route: admission.route, search: admission.search, headers: head.headers, body: (max) => readCapped(req, max) }, admission.allowed, requestId, log);
        return;
      }
      forward(req, res, { ...admission, head, log, requestId, started, now, dispatcher: deps.dispatcher, limits });
    } catch {
      if (res.headersSent) res.destroy();
      else refuse(res, log, refusals.internal(), undefined, requestId);
    }
  };
}

function nodeHeaders(headers: IncomingHttpHeaders): HeaderSource {
  return {
    get(name) {
      const value = headers[name];
      return typeof value === 'string' || value === undefined ? value : value.join(', ');
    },
  };
}

/** Answers with a refusal in the API's error shape; a body still on its way is not read (the connection closes). */
function refuse(res: ServerResponse, log: RequestLog, refusal: ProxyRefusal, shape: ErrorShape | undefined, requestId: string): void {
  const { status, headers, body } = toRefusalParts(refusal, shape, requestId);
  headers['content-length'] = String(Buffer.byteLength(body));
  if (hasUnreadBody(res.req)) headers.connection = 'close';
  log.entry.code = refusal.code;
  log.emit(status);
  res.writeHead(status, headers);
  res.end(body);
}

/** What the gate admitted, and what the forwarding needs besides. */
interface Forward extends Admitted {
  head: RequestHead;
  log: RequestLog;
  requestId: string;
  started: number;
  now: () => number;
  dispatcher: Dispatcher;
  limits: ProxyLimits;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);


function forward(req: IncomingMessage, res: ServerResponse, f: Forward): void {
  const { allowed, log, requestId, limits } = f;
  const headers = toUpstreamHeaders(f.head.headers, allowed.forwarded.get(f.operation.slug) ?? [], requestId);
  let body: Readable | null = null;
  let tooLarge = false;
  if (!f.hasBody) {
    req.resume();
  } else if (f.length !== undefined) {
    // Declared: node's parser ends the body at its length, so it is piped as it comes.
    headers['content-length'] = String(f.length);
    if (f.length > 0) body = req;
    if (f.length > 0 && f.length <= COLLECT_UP_TO) return collect(req, f.length, (bytes) => (bytes === undefined ? clientLeft(f) : dispatch(req, res, f, headers, bytes, () => false)));
  } else if (req.headers['transfer-encoding'] !== undefined) {
    const cap = capped(limits.maxBodyBytes, () => (tooLarge = true));
    req.once('error', (error) => cap.destroy(error));
    body = req.pipe(cap);
  }
  dispatch(req, res, f, headers, body, () => tooLarge);
}

/** A token or discovery request through the relay: small bodies both ways, written whole. */
async function oauth(req: IncomingMessage, res: ServerResponse, relay: OAuthRelay, request: Parameters<OAuthRelay>[0], allowed: AllowedApi, requestId: string, log: RequestLog): Promise<void> {
  try {
    const response = await answerOAuth(relay, request, allowed, requestId, log);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers['content-length'] = String(body.byteLength);
    delete headers['transfer-encoding'];
    if (hasUnreadBody(req)) headers.connection = 'close';
    res.writeHead(response.status, headers);
    res.end(body);
  } catch {
    if (res.headersSent) res.destroy();
    else refuse(res, log, refusals.internal(), allowed.shape, requestId);
  }
}

/** Up to `max` bytes of node's request body; 'too-large' (and reading stops) past it. */
function readCapped(req: IncomingMessage, max: number): Promise<Uint8Array | 'too-large' | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let called = false;
    const finish = (value: Uint8Array | 'too-large' | undefined): void => {
      if (called) return;
      called = true;
      done(value);
    };
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) {
        req.pause();
        return finish('too-large');
      }
      chunks.push(chunk);
    });
    req.once('end', () => finish(total === 0 ? undefined : Buffer.concat(chunks, total)));
    req.once('close', () => finish(undefined));
    req.once('error', () => finish(undefined));
  });
}

/** The client went away while its body was being collected: nothing was sent upstream. */
function clientLeft(f: Forward): void {
  f.release();
  f.log.entry.code = 'PROXY_CLIENT_CLOSED';
  f.log.emit(499);
}

function dispatch(req: IncomingMessage, res: ServerResponse, f: Forward, headers: Record<string, string>, body: Readable | Buffer | null, bodyTooLarge: () => boolean): void {
  const { allowed, log, requestId, limits } = f;
  // waiting: no answer yet; streaming: the upstream's status went out; done: nothing more to send.
  let state: 'waiting' | 'streaming' | 'done' = 'waiting';
  let controller: Dispatcher.DispatchController | undefined;
  let clientGone = false;
  let bytes = 0;
  const end = (status: number, fields: { code?: string; outcome?: string } = {}): void => {
    state = 'done';
    res.off('close', onClose);
    f.release();
    if (fields.code !== undefined) log.entry.code = fields.code;
    log.emit(status, fields.outcome === undefined ? { bytes } : { bytes, outcome: fields.outcome });
  };
  const answer = (refusal: ProxyRefusal): void => {
    const { status, headers: out, body: text } = toRefusalParts(refusal, allowed.shape, requestId);
    out['content-length'] = String(Buffer.byteLength(text));
    if (hasUnreadBody(req)) out.connection = 'close';
    end(status, { code: refusal.code });
    res.writeHead(status, out);
    res.end(text);
  };
  const onClose = (): void => {
    if (res.writableFinished) return;
    clientGone = true;
    controller?.abort(new Error('client-aborted'));
  };
  res.once('close', onClose);
  const resume = (): void => controller?.resume();

  f.dispatcher.dispatch(
    {
      origin: allowed.origin,
      path: f.url.slice(allowed.origin.length),
      method: f.head.method as Dispatcher.HttpMethod,
      headers,
      body,
      headersTimeout: limits.idleTimeoutMs,
      bodyTimeout: limits.idleTimeoutMs,
    },
    {
      onRequestStart(c) {
        controller = c;
        if (clientGone) c.abort(new Error('client-aborted'));
      },
      onResponseStart(c, status, upstreamHeaders) {
        if (status < 200 || state !== 'waiting') return;
        log.entry.headersMs = f.now() - f.started;
        const out = toClientHeaders(Object.entries(upstreamHeaders), requestId, false);
        const location = status >= 300 && status < 400 ? upstreamHeaders.location : undefined;
        if (typeof location === 'string') {
          const rewritten = toProxyLocation(location, f.url, allowed.api.upstream, allowed.mount);
          if (rewritten === undefined) {
            answer(refusals.redirectRefused(allowed.api.upstream));
            c.abort(new Error('redirect-refused'));
            return;
          }
          out.location = rewritten;
        }
        if (hasUnreadBody(req)) out.connection = 'close';
        state = 'streaming';
        res.writeHead(status, out);
        if (out['content-type']?.startsWith('text/event-stream')) res.flushHeaders();
      },
      onResponseData(c, chunk) {
        if (state !== 'streaming' || res.destroyed) return;
        bytes += chunk.length;
        if (!res.write(chunk)) {
          c.pause();
          res.once('drain', resume);
        }
      },
      onResponseEnd() {
        if (state !== 'streaming') return;
        res.end();
        end(res.statusCode);
      },
      onResponseError(_c, error) {
        if (state === 'done') return;
        const code = (error as { code?: string }).code ?? '';
        if (state === 'streaming') {
          // The status went out: cut the connection so the client sees the body was cut.
          res.destroy();
          end(res.statusCode, { outcome: clientGone ? 'client-aborted' : TIMEOUT_CODES.has(code) ? 'idle-timeout' : 'upstream-error' });
          return;
        }
        if (clientGone) return end(499, { code: 'PROXY_CLIENT_CLOSED' });
        if (bodyTooLarge()) return answer(refusals.bodyTooLarge(limits));
        if (TIMEOUT_CODES.has(code)) return answer(refusals.upstreamTimeout(limits));
        answer(refusals.unreachable(allowed.api.id, failureReason(error)));
      },
    },
  );
}
