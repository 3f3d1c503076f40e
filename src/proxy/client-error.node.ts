// Requests node's HTTP parser refuses before any handler runs (a malformed Content-Length,
// oversized headers, bad framing). For a target under the proxy mount the answer comes from
// the proxy's catalogue, in the API's error shape, and is logged like any refusal; other
// targets (and timeouts, which carry no request line) get node's own answer.
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAllowList } from './allow-list.ts';
import { toRefusalParts, type ProxyRefusal } from './errors.ts';
import { splitTarget } from './path-guard.ts';
import { SECRET_HEADERS } from './redact.ts';
import { refusals } from './refusals.ts';
import { createRequestLog } from './request-log.ts';
import type { HeaderSource } from './request-head.ts';
import type { ProxyConfig, ProxyDeps } from './types.ts';

type ClientErrorHandler = (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex) => void;

/**
 * A `clientError` listener for the server in front of the proxy. `isProxyTarget` says which
 * request targets belong to the proxy (the front handler's own test).
 */
export function createClientErrorHandler(config: ProxyConfig, deps: Omit<ProxyDeps, 'fetch'>, isProxyTarget: (target: string) => boolean): ClientErrorHandler {
  const now = deps.now ?? (() => performance.now());
  const randomId = deps.randomId ?? (() => crypto.randomUUID());
  const list = createAllowList(config, SECRET_HEADERS);
  const names = { headers: list.secretHeaders, query: list.secretQuery };
  return (error, socket) => {
    if (!socket.writable || (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const refusal = error.code === 'HPE_HEADER_OVERFLOW' ? refusals.headersTooLarge() : refusals.badRequest(error.code ?? 'malformed HTTP');
    const raw = error.rawPacket?.toString('latin1') ?? '';
    const [method = '', target = ''] = raw.slice(0, raw.indexOf('\r\n') >>> 0).split(' ');
    if (!target.startsWith('/') || !isProxyTarget(target)) {
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      return;
    }
    const started = now();
    const requestId = randomId();
    const head = { method: method.toUpperCase(), target, headers: rawHeaders(raw), clientId: (socket as Socket).remoteAddress ?? 'unknown' };
    const log = createRequestLog(head, requestId, names, started, now, deps.log);
    const split = splitTarget(target, config.basePath);
    if (split !== undefined) log.entry.api = split.api;
    log.entry.path = split?.path ?? '';
    answer(socket, refusal, list.apis.get(split?.api ?? '')?.shape, requestId);
    log.entry.code = refusal.code;
    log.emit(toRefusalParts(refusal).status);
  };
}

function answer(socket: Duplex, refusal: ProxyRefusal, shape: Parameters<typeof toRefusalParts>[1], requestId: string): void {
  const { status, headers, body } = toRefusalParts(refusal, shape, requestId);
  const lines = Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n${lines.join('')}\r\n${body}`);
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

/** The header lines node had read, for scrubbing the log (lower-case names, first value). */
function rawHeaders(raw: string): HeaderSource {
  const map = new Map<string, string>();
  for (const line of raw.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!map.has(name)) map.set(name, line.slice(colon + 1).trim());
    }
  }
  return { get: (name) => map.get(name) };
}
