// Header hygiene. Upstream: an allow-list (the API's auth headers, the operation's declared
// header parameters, content negotiation, RFC 7240 Prefer), so cookies, Origin, Referer,
// User-Agent, client hints, forwarding headers and anything else a browser adds never leave.
// Downstream: a deny-list of hop-by-hop and cookie headers.

const CONTENT_HEADERS = ['content-type', 'accept', 'accept-language', 'content-language', 'prefer'];

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection',
  'te', 'trailer', 'trailers', 'transfer-encoding', 'upgrade',
]);

const RESPONSE_DROPPED = new Set([...HOP_BY_HOP, 'set-cookie', 'set-cookie2', 'alt-svc', 'strict-transport-security']);

/** Header names forwarded for one operation, lower case. */
export function forwardedHeaderNames(authHeaders: readonly string[], declared: readonly string[]): Set<string> {
  const names = new Set([...CONTENT_HEADERS, ...authHeaders, ...declared]);
  for (const name of names) if (HOP_BY_HOP.has(name) || name === 'cookie' || name === 'host') names.delete(name);
  return names;
}

export function toUpstreamHeaders(incoming: Headers, allowed: ReadonlySet<string>, requestId: string): Headers {
  const out = new Headers();
  for (const name of allowed) {
    const value = incoming.get(name);
    if (value !== null) out.set(name, value);
  }
  // fetch would decode a compressed body but keep the encoded length: ask for none.
  out.set('accept-encoding', 'identity');
  out.set('x-request-id', requestId);
  return out;
}

/**
 * Response headers for the browser. A `content-encoding` means the fetch decoded the body
 * (Fetch semantics), so that header and the encoded length are dropped with it.
 */
export function toClientHeaders(upstream: Headers, requestId: string): Record<string, string> {
  const out: Record<string, string> = {};
  const connectionListed = upstream.get('connection')?.toLowerCase().split(/\s*,\s*/) ?? [];
  const decoded = upstream.has('content-encoding');
  upstream.forEach((value, name) => {
    if (RESPONSE_DROPPED.has(name) || name.startsWith('access-control-') || connectionListed.includes(name)) return;
    if (decoded && (name === 'content-encoding' || name === 'content-length')) return;
    out[name] = value;
  });
  out['x-request-id'] = requestId;
  return out;
}
