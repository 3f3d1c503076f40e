// Every check that needs only the request head, in order: rate, method, target, API, path,
// operation, declared body length, open-request slots. Nothing here reads a byte of the
// body, so a request that will be refused is refused before its body is accepted.
import { DEFAULT_ERROR_SHAPE, type ErrorShape } from '../openapi/index.ts';
import type { AllowedApi, AllowList } from './allow-list.ts';
import type { ProxyRefusal } from './errors.ts';
import { createRateLimiter, createStreamSlots, declaredLength } from './limits.ts';
import { OAUTH_PREFIX, oauthLoggedPath } from './oauth-relay.ts';
import { pathProblem, splitTarget } from './path-guard.ts';
import { refusals } from './refusals.ts';
import { loggedPath, type RequestLog } from './request-log.ts';
import type { RequestHead } from './request-head.ts';
import type { ProxyConfig, ProxyOperation } from './types.ts';

/** Methods Fetch cannot send (and a proxy must not tunnel). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** A request the gate lets through to the API's upstream. */
export interface Admitted {
  kind: 'admitted';
  allowed: AllowedApi;
  operation: ProxyOperation;
  /** Upstream URL: the API's base + the raw path and query, concatenated, never resolved. */
  url: string;
  /** Whether a body is forwarded (not for GET/HEAD), and its declared length if any. */
  hasBody: boolean;
  length: number | undefined;
  /** Frees the open-request slot; call exactly once when the upstream exchange ends. */
  release: () => void;
}

export type Admission =
  | { kind: 'refused'; refusal: ProxyRefusal; shape: ErrorShape }
  | Admitted
  /** `<api>/.oauth/<route>`: a token or discovery request, for the OAuth relay (which checks its URL). */
  | { kind: 'oauth'; allowed: AllowedApi; route: string; search: string };

export interface Gate {
  /** `wait`: the platform limiter's answer, when there is one (else the in-memory bucket's). */
  admit(head: RequestHead, log: RequestLog, wait?: number): Admission;
}

export function createGate(config: ProxyConfig, list: AllowList, now: () => number): Gate {
  const { limits, basePath } = config;
  const limiter = createRateLimiter(limits.rateLimitPerMinute, now);
  const slots = createStreamSlots(limits.maxStreams, limits.maxStreamsPerClient);

  return {
    admit(head, log, platformWait) {
      const { method } = head;
      const absoluteForm = !head.target.startsWith('/');
      const target = absoluteForm ? undefined : splitTarget(head.target, basePath);
      const allowed = target === undefined ? undefined : list.apis.get(target.api);
      const shape = allowed?.shape ?? DEFAULT_ERROR_SHAPE;
      const refuse = (refusal: ProxyRefusal): Admission => ({ kind: 'refused', refusal, shape });
      if (target !== undefined) {
        log.entry.api = target.api;
        // An OAuth route's `url` may carry anything a caller put in its query: the log keeps its origin and path.
        log.entry.path = target.path.startsWith(OAUTH_PREFIX) ? oauthLoggedPath(target.path, target.search) : loggedPath(target.path, target.search, list.secretQuery);
      }

      const wait = platformWait ?? limiter.take(head.clientId);
      if (wait > 0) return refuse(refusals.rateLimited(limits, wait));
      if (FORBIDDEN_METHODS.has(method)) return refuse(refusals.forbiddenMethod(method));
      if (absoluteForm) return refuse(refusals.absoluteForm());
      if (target === undefined || allowed === undefined) return refuse(refusals.unknownApi(log.scrub(target?.api ?? ''), list.known));
      if (target.path.startsWith(OAUTH_PREFIX)) {
        const route = target.path.slice(OAUTH_PREFIX.length);
        log.entry.operation = `oauth-${route}`;
        return { kind: 'oauth', allowed, route, search: target.search };
      }
      const problem = pathProblem(target.path);
      if (problem !== undefined) return refuse(refusals.forbiddenPath(problem, log.scrub(target.path)));
      const route = allowed.router.match(method, target.path);
      if (route.kind !== 'found') {
        return refuse(refusals.unknownOperation(method, log.scrub(target.path), allowed.api.id, route.kind === 'method' ? route.allowed : []));
      }
      const operation = route.operation;
      log.entry.operation = operation.slug;

      const hasBody = method !== 'GET' && method !== 'HEAD';
      const length = declaredLength(head.headers.get('content-length'));
      if (length === 'invalid') return refuse(refusals.badLength());
      if (hasBody && length !== undefined && length > limits.maxBodyBytes) return refuse(refusals.bodyTooLarge(limits));
      const release = slots.acquire(head.clientId);
      if (release === 'global') return refuse(refusals.busy(limits));
      if (release === 'client') return refuse(refusals.tooManyStreams(limits));
      return { kind: 'admitted', allowed, operation, url: allowed.api.upstream + target.path + target.search, hasBody, length, release };
    },
  };
}
