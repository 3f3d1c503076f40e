// Header hygiene. Upstream: an allow-list (the operation's own credential headers, its declared
// header parameters, content negotiation, RFC 7240 Prefer), so cookies, Origin, Referer,
// User-Agent, client hints, forwarding headers and anything else a browser adds never leave.
// Downstream: a deny-list of hop-by-hop and cookie headers, then the passive-content headers.
import { makePassive } from './passive-content.ts';
import type { HeaderSource } from './request-head.ts';

const CONTENT_HEADERS = ['content-type', 'accept', 'accept-language', 'content-language', 'prefer'];

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection',
  'te', 'trailer', 'trailers', 'transfer-encoding', 'upgrade',
]);

const RESPONSE_DROPPED = new Set([...HOP_BY_HOP, 'set-cookie', 'set-cookie2', 'alt-svc', 'strict-transport-security']);

/** Header names forwarded for one operation, lower case: its credentials, its header parameters, content headers. */
export function forwardedHeaderNames(credentials: readonly string[], declared: readonly string[]): string[] {
  const names = new Set([...CONTENT_HEADERS, ...credentials, ...declared]);
  for (const name of names) if (HOP_BY_HOP.has(name) || name === 'cookie' || name === 'host' || name === 'content-length') names.delete(name);
  return [...names];
}

/** The headers sent upstream: the allowed ones the request carries, no compression, our request id. */
export function toUpstreamHeaders(incoming: HeaderSource, allowed: readonly string[], requestId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of allowed) {
    const value = incoming.get(name);
    if (value !== null && value !== undefined) out[name] = value;
  }
  // fetch would decode a compressed body but keep the encoded length: ask for none.
  out['accept-encoding'] = 'identity';
  out['x-request-id'] = requestId;
  return out;
}

/**
 * Response headers for the browser, from `[name, value]` pairs (a Fetch `Headers`, or undici's
 * header object's entries). `decoded` says the body was decompressed on the way (Fetch
 * semantics), so `content-encoding` and the encoded `content-length` go with it.
 */
export function toClientHeaders(upstream: Iterable<readonly [string, string | string[] | undefined]>, requestId: string, decoded: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  let connectionListed: string[] | undefined;
  for (const [rawName, value] of upstream) {
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    if (name === 'connection') connectionListed = String(value).toLowerCase().split(/\s*,\s*/);
    if (RESPONSE_DROPPED.has(name) || name.startsWith('access-control-')) continue;
    if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (connectionListed !== undefined) for (const name of connectionListed) delete out[name];
  out['x-request-id'] = requestId;
  makePassive(out);
  return out;
}
