// The proxy's OAuth routes, `<mount>/<api>/.oauth/token|discovery?url=<declared URL>`: the
// try-it console's token and discovery requests leave the browser here (no CORS needed at the
// authorization server) and go to exactly the URLs the spec declares: `tokenUrl`/`refreshUrl`
// of its oauth2 flows, its `openIdConnectUrl`, and the token endpoint named by that discovery
// document. Any other URL is refused. The browser itself only navigates to the authorization URL.
import type { AllowedApi } from './allow-list.ts';
import { toErrorResponse, type ProxyRefusal } from './errors.ts';
import { toClientHeaders, toUpstreamHeaders } from './headers.ts';
import { isPrivateHost } from './private-host.ts';
import type { HeaderSource } from './request-head.ts';
import type { RequestLog } from './request-log.ts';
import type { FetchLike, ProxyApi } from './types.ts';

/** Path prefix of the OAuth routes below an API (a dot segment no spec path starts with). */
export const OAUTH_PREFIX = '/.oauth/';

const TOKEN_HEADERS = ['content-type', 'accept', 'authorization', 'dpop'];
/** Largest token request body read (a form of a few parameters). */
export const MAX_TOKEN_BODY = 64 * 1024;
const MAX_DISCOVERY_BYTES = 512 * 1024;
const TIMEOUT_MS = 30_000;
const WELL_KNOWN = '/.well-known/openid-configuration';

/**
 * An OAuth route as logged: `?url=` reduced to the URL's origin and path. Declared OAuth URLs
 * need no query, so nothing is lost, and a secret put in one never reaches a log line.
 */
export function oauthLoggedPath(path: string, search: string): string {
  const url = new URLSearchParams(search).get('url');
  if (url === null) return path;
  let shown: string;
  try {
    const parsed = new URL(url);
    shown = parsed.origin + parsed.pathname + (parsed.search || parsed.hash ? '?…' : '');
  } catch {
    shown = '(not a URL)';
  }
  return `${path}?url=${encodeURIComponent(shown)}`;
}

export interface RelayAnswer {
  response?: Response;
  refusal?: ProxyRefusal;
  /** For the log line: the declared URL the request went to. */
  target?: string;
}

/** A request on an OAuth route, whatever the runtime: its head, and its body read on demand (capped). */
export interface RelayRequest {
  method: string;
  route: string;
  search: string;
  headers: HeaderSource;
  body: (max: number) => Promise<Uint8Array | 'too-large' | undefined>;
}

export type OAuthRelay = (request: RelayRequest, api: ProxyApi, requestId: string) => Promise<RelayAnswer>;

/** One relay for all APIs; it remembers the token endpoints their discovery documents name. */
export function createOAuthRelay(fetch: FetchLike): OAuthRelay {
  const discovered = new Map<string, Set<string>>();

  const discover = async (api: ProxyApi, url: string, requestId: string): Promise<{ bytes: Uint8Array; response: Response } | ProxyRefusal> => {
    const upstream = await call(fetch, url, { method: 'GET', headers: toUpstreamHeaders(new Headers({ accept: 'application/json' }), TOKEN_HEADERS, requestId) });
    if (!(upstream instanceof Response)) return discoveryFailed(url, upstream);
    const bytes = new Uint8Array(await upstream.arrayBuffer());
    if (upstream.status !== 200) return discoveryFailed(url, `it answered HTTP ${upstream.status}`);
    if (bytes.byteLength > MAX_DISCOVERY_BYTES) return discoveryFailed(url, `it is larger than ${MAX_DISCOVERY_BYTES} bytes`);
    let doc: { issuer?: unknown; token_endpoint?: unknown };
    try {
      doc = JSON.parse(new TextDecoder().decode(bytes)) as typeof doc;
    } catch {
      return discoveryFailed(url, 'it is not JSON');
    }
    // OpenID Connect Discovery 1.0 §4.3: the issuer must be the URL the document was fetched from, minus the well-known path.
    const expected = url.endsWith(WELL_KNOWN) ? url.slice(0, -WELL_KNOWN.length) : undefined;
    if (expected !== undefined && doc.issuer !== expected) return discoveryFailed(url, `its issuer is ${JSON.stringify(doc.issuer)}, not ${expected}`);
    const endpoints = discovered.get(api.id) ?? new Set<string>();
    if (typeof doc.token_endpoint === 'string' && allowedHost(doc.token_endpoint, api)) endpoints.add(doc.token_endpoint);
    discovered.set(api.id, endpoints);
    return { bytes, response: upstream };
  };

  return async (request, api, requestId) => {
    const { route, search } = request;
    const declared = api.oauth ?? { tokenUrls: [], discoveryUrls: [] };
    const url = new URLSearchParams(search).get('url') ?? '';
    const method = request.method.toUpperCase();
    if (route === 'discovery') {
      if (method !== 'GET') return { refusal: refused(`${method} is not allowed on the discovery route; use GET.`, url) };
      if (!declared.discoveryUrls.includes(url)) return { refusal: refused(`${describe(url)} is not an openIdConnectUrl of ${api.id}'s spec. Allowed: ${list(declared.discoveryUrls)}.`, url) };
      const found = await discover(api, url, requestId);
      if (!('bytes' in found)) return { refusal: found, target: url };
      return { response: new Response(found.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...toClientHeaders(found.response.headers, requestId, found.response.headers.has('content-encoding')), 'cache-control': 'no-store' } }), target: url };
    }
    if (route !== 'token') return { refusal: refused(`No OAuth route "${route}": the proxy has /.oauth/token and /.oauth/discovery.`, url) };
    if (method !== 'POST') return { refusal: refused(`${method} is not allowed on the token route; token requests are POST.`, url) };
    let allowed = declared.tokenUrls.includes(url) || (discovered.get(api.id)?.has(url) ?? false);
    if (!allowed && declared.discoveryUrls.length > 0) {
      // The document may have changed, or this process started after the browser fetched it.
      for (const doc of declared.discoveryUrls) await discover(api, doc, requestId);
      allowed = discovered.get(api.id)?.has(url) ?? false;
    }
    if (!allowed) {
      const known = [...declared.tokenUrls, ...(discovered.get(api.id) ?? [])];
      return { refusal: refused(`${describe(url)} is not a token URL of ${api.id}'s spec, so the proxy will not send credentials there. Allowed: ${list(known)}.`, url) };
    }
    const body = await request.body(MAX_TOKEN_BODY);
    if (body === 'too-large') return { refusal: { code: 'PROXY_BODY_TOO_LARGE', message: `A token request body is at most ${MAX_TOKEN_BODY} bytes.`, details: { maxBodyBytes: MAX_TOKEN_BODY } }, target: url };
    const upstream = await call(fetch, url, { method: 'POST', headers: toUpstreamHeaders(request.headers, TOKEN_HEADERS, requestId), ...(body ? { body } : {}) });
    if (!(upstream instanceof Response)) return { refusal: { code: 'PROXY_UPSTREAM_UNREACHABLE', message: `The token endpoint ${url} could not be reached (${upstream}).`, details: { url } }, target: url };
    if (upstream.status >= 300 && upstream.status < 400) {
      await upstream.body?.cancel().catch(() => {});
      return { refusal: { code: 'PROXY_REDIRECT_REFUSED', message: `The token endpoint ${url} redirected; the proxy follows no redirects with credentials.` }, target: url };
    }
    // Token answers are never cached anywhere on the way (RFC 6749 §5.1).
    const headers = { ...toClientHeaders(upstream.headers, requestId, upstream.headers.has('content-encoding')), 'cache-control': 'no-store', pragma: 'no-cache' };
    return { response: new Response(upstream.body, { status: upstream.status, headers }), target: url };
  };
}

/** The OAuth URLs an API's spec declares, absolute (relative ones resolved against the spec's first server, as OpenAPI 3.1 says). */
export function declaredOAuthUrls(
  schemes: ReadonlyArray<{ kind: string; flows?: ReadonlyArray<{ tokenUrl?: string; refreshUrl?: string }>; openIdConnectUrl?: string }>,
  base: string | undefined,
): NonNullable<ProxyApi['oauth']> {
  const tokenUrls = new Set<string>();
  const discoveryUrls = new Set<string>();
  const absolute = (url: string) => {
    try {
      return new URL(url, base).href;
    } catch {
      return url;
    }
  };
  for (const scheme of schemes) {
    if (scheme.kind === 'oauth2') for (const flow of scheme.flows ?? []) for (const url of [flow.tokenUrl, flow.refreshUrl]) if (url) tokenUrls.add(absolute(url));
    if (scheme.kind === 'openIdConnect' && scheme.openIdConnectUrl) discoveryUrls.add(absolute(scheme.openIdConnectUrl));
  }
  return { tokenUrls: [...tokenUrls], discoveryUrls: [...discoveryUrls] };
}

async function call(fetch: FetchLike, url: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array }): Promise<Response | string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort('timeout'), TIMEOUT_MS);
  const body = init.body === undefined ? undefined : new Response(init.body as Uint8Array<ArrayBuffer>).body ?? undefined;
  try {
    return await fetch(url, { method: init.method, headers: new Headers(init.headers), ...(body ? { body, duplex: 'half' as const } : {}), signal: controller.signal, redirect: 'manual' });
  } catch (error) {
    if (controller.signal.aborted) return `no answer within ${TIMEOUT_MS / 1000} s`;
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    return cause ?? (error as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

function allowedHost(url: string, api: ProxyApi): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && (api.allowPrivate || !isPrivateHost(parsed.hostname));
  } catch {
    return false;
  }
}

function refused(message: string, url: string): ProxyRefusal {
  return { code: 'PROXY_OAUTH_URL_REFUSED', message, details: { url } };
}

function discoveryFailed(url: string, why: string): ProxyRefusal {
  return { code: 'PROXY_OAUTH_DISCOVERY_FAILED', message: `The OpenID Connect discovery document ${url} could not be used: ${why}.`, details: { url } };
}

function describe(url: string): string {
  return url === '' ? 'The missing url parameter' : url;
}

function list(urls: readonly string[]): string {
  return urls.length > 0 ? urls.join(', ') : 'none (the spec declares no OAuth flow with one)';
}

/** The relay's answer as a Response (a refusal in the API's error shape), logged like any proxied request. */
export async function answerOAuth(relay: OAuthRelay, request: RelayRequest, allowed: AllowedApi, requestId: string, log: RequestLog): Promise<Response> {
  const answer = await relay(request, allowed.api, requestId);
  if (answer.refusal || !answer.response) {
    const refusal = answer.refusal ?? { code: 'PROXY_INTERNAL' as const, message: 'The OAuth relay gave no answer.' };
    log.entry.code = refusal.code;
    const response = toErrorResponse(refusal, allowed.shape, requestId);
    log.emit(response.status);
    return response;
  }
  log.emit(answer.response.status);
  return answer.response;
}

/** A Fetch body read whole, up to `max` bytes (token requests are a few hundred bytes). */
export async function readSmallBody(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | 'too-large' | undefined> {
  if (body === null) return undefined;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return total === 0 ? undefined : out;
}
