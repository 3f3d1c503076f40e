// Which requests may go where: per API, a router over the spec's operations and, per
// operation, the headers it may carry. Pure data built once from the config.
import { createRouter, type ErrorShape, type Router } from '../openapi/index.ts';
import { forwardedHeaderNames } from './headers.ts';
import type { ProxyApi, ProxyConfig, ProxyOperation } from './types.ts';

export interface AllowedApi {
  api: ProxyApi;
  router: Router<ProxyOperation>;
  /** Header names forwarded per operation slug. */
  forwarded: Map<string, string[]>;
  shape: ErrorShape;
  /** `<basePath>/<api>`: where redirects inside the API are rewritten to. */
  mount: string;
  /** `https://api.example.com` of the upstream: the upstream URL minus this is the request path. */
  origin: string;
}

export interface AllowList {
  apis: Map<string, AllowedApi>;
  known: string[];
  /** Every credential header and secret query name of every API: scrubbed from logs for any request. */
  secretHeaders: string[];
  secretQuery: string[];
}

export function createAllowList(config: ProxyConfig, baseSecretHeaders: readonly string[]): AllowList {
  const apis = new Map<string, AllowedApi>();
  const secretHeaders = new Set(baseSecretHeaders);
  const secretQuery = new Set<string>();
  for (const api of config.apis) {
    const forwarded = new Map(api.operations.map((op) => [op.slug, forwardedHeaderNames(op.credentials, op.headers)]));
    apis.set(api.id, { api, router: createRouter(api.operations), forwarded, shape: api.errorShape, mount: `${config.basePath}/${api.id}`, origin: new URL(api.upstream).origin });
    for (const name of api.authHeaders) secretHeaders.add(name);
    for (const name of api.secretQuery) secretQuery.add(name);
  }
  return { apis, known: [...apis.keys()], secretHeaders: [...secretHeaders], secretQuery: [...secretQuery] };
}
