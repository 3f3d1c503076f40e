import { DEFAULT_ERROR_SHAPE, toErrorBody, type ErrorShape } from '../openapi/index.ts';

/** Every answer the proxy gives itself, with its status. Clients match on the code. */
export const PROXY_ERRORS = {
  PROXY_BAD_REQUEST: 400,
  PROXY_HEADERS_TOO_LARGE: 431,
  PROXY_UNKNOWN_API: 404,
  PROXY_UNKNOWN_OPERATION: 404,
  PROXY_FORBIDDEN_PATH: 403,
  PROXY_FORBIDDEN_METHOD: 403,
  PROXY_BODY_TOO_LARGE: 413,
  PROXY_RATE_LIMITED: 429,
  PROXY_TOO_MANY_STREAMS: 429,
  PROXY_BUSY: 503,
  PROXY_INTERNAL: 500,
  PROXY_UPSTREAM_UNREACHABLE: 502,
  PROXY_REDIRECT_REFUSED: 502,
  PROXY_UPSTREAM_TIMEOUT: 504,
  PROXY_CLIENT_CLOSED: 499,
  PROXY_OAUTH_URL_REFUSED: 403,
  PROXY_OAUTH_DISCOVERY_FAILED: 502,
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

export interface ProxyRefusal {
  code: ProxyErrorCode;
  message: string;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The status, headers and JSON text of a refusal: the one place its wire form is decided. */
export interface RefusalParts {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function toRefusalParts(refusal: ProxyRefusal, shape: ErrorShape = DEFAULT_ERROR_SHAPE, requestId?: string): RefusalParts {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Tells the proxy's own answers from the upstream's, whatever the API's error shape.
    'x-proxy-error': refusal.code,
    ...refusal.headers,
  };
  if (requestId) headers['x-request-id'] = requestId;
  const body = toErrorBody(shape, { code: refusal.code, message: refusal.message, details: refusal.details, type: 'proxy_error' });
  return { status: PROXY_ERRORS[refusal.code], headers, body: JSON.stringify(body) };
}

export function toErrorResponse(refusal: ProxyRefusal, shape: ErrorShape = DEFAULT_ERROR_SHAPE, requestId?: string): Response {
  const { status, headers, body } = toRefusalParts(refusal, shape, requestId);
  return new Response(body, { status, headers });
}

/** A configuration problem: names the API, the setting (env var) and the fix. */
export class ProxyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyConfigError';
  }
}
