import type { ErrorShape } from '../openapi/index.ts';

/** The `fetch` the proxy calls upstream with: the platform's on edges, an undici-based one on Node. */
export type FetchLike = (input: string, init: UpstreamInit) => Promise<Response>;

export interface UpstreamInit {
  method: string;
  headers: Headers;
  /** The request body, streamed as it arrives (never buffered); `duplex: 'half'` says so to a Fetch `fetch`. */
  body?: ReadableStream<Uint8Array>;
  duplex?: 'half';
  signal: AbortSignal;
  redirect: 'manual';
}

/** One operation the proxy lets through: method + path template from the spec. */
export interface ProxyOperation {
  slug: string;
  method: string;
  path: string;
  /** Header parameters the operation declares (lower case), forwarded besides auth and content headers. */
  headers: string[];
  /**
   * Credential headers of the operation's own security requirements (lower case): only these
   * auth headers are forwarded, so `security: []` sends none.
   */
  credentials: string[];
}

/** Plain data per API: where it goes and what may go there. */
export interface ProxyApi {
  id: string;
  /** Base URL without a trailing slash: `https://api.melious.ai`, `http://127.0.0.1:4010/melious`. */
  upstream: string;
  /** Loopback/private upstreams are refused unless this is set (the sandbox sets it). */
  allowPrivate: boolean;
  /** True when `upstream` is our sandbox: for the start-up line and logs only. */
  sandbox: boolean;
  operations: ProxyOperation[];
  /** Auth headers of all the API's security schemes (lower case): scrubbed from logs. */
  authHeaders: string[];
  /** Query parameters carrying keys (apiKey `in: query`): redacted in logs. */
  secretQuery: string[];
  errorShape: ErrorShape;
  /** OAuth URLs the spec declares (absolute): the only ones the proxy's `.oauth` routes call. */
  oauth?: { tokenUrls: string[]; discoveryUrls: string[] };
}

export interface ProxyLimits {
  /** Largest request body forwarded, in bytes. */
  maxBodyBytes: number;
  /** Longest silence from the upstream (before its headers and between body chunks). */
  idleTimeoutMs: number;
  /** Requests per client per minute (token bucket, burst of the same size). */
  rateLimitPerMinute: number;
  /** Upstream requests open at once (a streamed response stays open until its end). */
  maxStreams: number;
  maxStreamsPerClient: number;
}

export interface ProxyConfig {
  /** Where the proxy is mounted: `/api/proxy`. Requests are `<basePath>/<api>/<path>`. */
  basePath: string;
  apis: ProxyApi[];
  limits: ProxyLimits;
}

/** One line per request, already redacted: no header values, no keys in the query. */
export interface ProxyLogEntry {
  requestId: string;
  api: string;
  operation?: string;
  method: string;
  path: string;
  status: number;
  /** `PROXY_…` when the proxy answered itself. */
  code?: string;
  /** Time to upstream headers, and to the end of the body. */
  headersMs?: number;
  totalMs: number;
  bytes?: number;
  /** Set when the body ended early: `client-aborted`, `idle-timeout`, `upstream-error`. */
  outcome?: string;
}

export interface ProxyDeps {
  fetch: FetchLike;
  log?: (entry: ProxyLogEntry) => void;
  now?: () => number;
  randomId?: () => string;
  /**
   * A rate limiter shared beyond this instance (the platform's: Cloudflare's rate-limiting
   * binding on the edge), in place of the in-memory bucket: 0 when the client may go, else the
   * seconds to wait.
   */
  rateLimit?: (clientId: string) => Promise<number>;
}

export interface ProxyContext {
  /** Who is calling, for the per-client limits: the socket address on Node, the platform's client IP on edges. */
  clientId?: string;
  /**
   * The request target exactly as received (`/api/proxy/x/a/%2e%2e/b?q`). URL parsing removes
   * dot segments, so traversal attempts are only visible here; falls back to `request.url`.
   */
  rawPath?: string;
}

export type ProxyHandler = (request: Request, context?: ProxyContext) => Promise<Response>;
