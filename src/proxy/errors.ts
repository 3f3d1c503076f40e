import { DEFAULT_ERROR_SHAPE, toErrorBody, type ErrorShape } from '../openapi/index.ts';

/** Every answer the proxy gives itself, with its status. Clients match on the code. */
export const PROXY_ERRORS = {
  PROXY_UNKNOWN_API: 404,
  PROXY_UNKNOWN_OPERATION: 404,
  PROXY_FORBIDDEN_PATH: 403,
  PROXY_FORBIDDEN_METHOD: 403,
  PROXY_BODY_TOO_LARGE: 413,
  PROXY_RATE_LIMITED: 429,
  PROXY_TOO_MANY_STREAMS: 429,
  PROXY_BUSY: 503,
  PROXY_UPSTREAM_UNREACHABLE: 502,
  PROXY_REDIRECT_REFUSED: 502,
  PROXY_UPSTREAM_TIMEOUT: 504,
  PROXY_CLIENT_CLOSED: 499,
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

export interface ProxyRefusal {
  code: ProxyErrorCode;
  message: string;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function toErrorResponse(refusal: ProxyRefusal, shape: ErrorShape = DEFAULT_ERROR_SHAPE, requestId?: string): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store', ...refusal.headers };
  if (requestId) headers['x-request-id'] = requestId;
  const body = toErrorBody(shape, { code: refusal.code, message: refusal.message, details: refusal.details, type: 'proxy_error' });
  return new Response(JSON.stringify(body), { status: PROXY_ERRORS[refusal.code], headers });
}

/** A configuration problem: names the API, the setting (env var) and the fix. */
export class ProxyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyConfigError';
  }
}
