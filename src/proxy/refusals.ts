// The wording of every refusal, in one place, so the Fetch core and the Node handler say
// exactly the same thing for the same cause.
import type { ProxyRefusal } from './errors.ts';
import type { ProxyLimits } from './types.ts';

export const refusals = {
  rateLimited: (limits: ProxyLimits, wait: number): ProxyRefusal => ({
    code: 'PROXY_RATE_LIMITED',
    message: `Too many requests: the limit is ${limits.rateLimitPerMinute} per minute. Retry in ${wait} s.`,
    details: { retryAfterSeconds: wait },
    headers: { 'retry-after': String(wait) },
  }),
  forbiddenMethod: (method: string): ProxyRefusal => ({ code: 'PROXY_FORBIDDEN_METHOD', message: `${method} requests are never proxied.` }),
  absoluteForm: (): ProxyRefusal => ({ code: 'PROXY_FORBIDDEN_PATH', message: 'Refused request target: absolute URLs are not proxied.' }),
  unknownApi: (api: string, known: string[]): ProxyRefusal => ({
    code: 'PROXY_UNKNOWN_API',
    message: `No API "${api}" here. Known APIs: ${known.join(', ')}.`,
    details: { apis: known },
  }),
  forbiddenPath: (problem: string, path: string): ProxyRefusal => ({ code: 'PROXY_FORBIDDEN_PATH', message: `Refused path: ${problem}.`, details: { path } }),
  unknownOperation: (method: string, path: string, api: string, allowed: string[]): ProxyRefusal => ({
    code: 'PROXY_UNKNOWN_OPERATION',
    message: `${method} ${path} is not an operation of ${api}.${allowed.length > 0 ? ` This path allows ${allowed.join(', ')}.` : ''}`,
    details: { method, path, allowed },
  }),
  bodyTooLarge: (limits: ProxyLimits): ProxyRefusal => ({
    code: 'PROXY_BODY_TOO_LARGE',
    message: `The request body is larger than ${limits.maxBodyBytes} bytes.`,
    details: { maxBodyBytes: limits.maxBodyBytes },
  }),
  badLength: (): ProxyRefusal => ({ code: 'PROXY_BAD_REQUEST', message: 'The Content-Length header is not a single non-negative integer.' }),
  busy: (limits: ProxyLimits): ProxyRefusal => ({
    code: 'PROXY_BUSY',
    message: `The proxy has ${limits.maxStreams} requests open; retry shortly.`,
    details: { maxStreams: limits.maxStreams },
    headers: { 'retry-after': '1' },
  }),
  tooManyStreams: (limits: ProxyLimits): ProxyRefusal => ({
    code: 'PROXY_TOO_MANY_STREAMS',
    message: `You have ${limits.maxStreamsPerClient} requests open; close one first.`,
    details: { maxStreamsPerClient: limits.maxStreamsPerClient },
  }),
  upstreamTimeout: (limits: ProxyLimits): ProxyRefusal => ({
    code: 'PROXY_UPSTREAM_TIMEOUT',
    message: `The upstream did not answer within ${limits.idleTimeoutMs} ms.`,
    details: { idleTimeoutMs: limits.idleTimeoutMs },
  }),
  clientClosed: (): ProxyRefusal => ({ code: 'PROXY_CLIENT_CLOSED', message: 'The client closed the request.' }),
  unreachable: (api: string, reason: string): ProxyRefusal => ({
    code: 'PROXY_UPSTREAM_UNREACHABLE',
    message: `The upstream of ${api} could not be reached.`,
    details: { reason },
  }),
  redirectRefused: (upstream: string): ProxyRefusal => ({
    code: 'PROXY_REDIRECT_REFUSED',
    message: `The upstream redirected outside ${upstream}; the proxy follows no redirects to other hosts.`,
  }),
  badRequest: (reason: string): ProxyRefusal => ({ code: 'PROXY_BAD_REQUEST', message: `The proxy could not read this request: ${reason}.` }),
  headersTooLarge: (): ProxyRefusal => ({ code: 'PROXY_HEADERS_TOO_LARGE', message: 'The request headers are too large.' }),
  internal: (): ProxyRefusal => ({ code: 'PROXY_INTERNAL', message: 'The proxy failed on this request; it was not forwarded.' }),
} as const;

/** The reason an upstream call failed, as its error code (`ECONNREFUSED`) or name. */
export function failureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : (error as Error)?.name ?? 'Error';
}
