// Matches a request path against the spec's path templates. Shared by the proxy's
// allow-list and the sandbox's router, so both agree on what "an operation" is.

export interface Routable {
  method: string;
  /** Template as in the spec: `/v1/models/{id}`, `/docs('{key}')`. */
  path: string;
}

export type RouteResult<T> =
  | { kind: 'found'; operation: T; params: Record<string, string> }
  /** The path is known but not with this method. */
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

export interface Router<T> {
  match(method: string, path: string): RouteResult<T>;
}

interface CompiledRoute<T> {
  operation: T;
  method: string;
  regex: RegExp;
  names: string[];
  /** Literal characters: more literal text wins (`/models/search` before `/models/{id}`). */
  weight: number;
}

/**
 * Builds a router over operations. `path` given to `match` is the raw (still percent-encoded)
 * path without query; parameter values come back percent-decoded. A template parameter never
 * spans a `/`. Routes are bucketed by segment count, so a large spec costs a few regex tests.
 * Templates and paths are compared in one canonical form (escapes decoded but `%`, `/`, `?`,
 * `#`), so `/café` in a spec matches `/caf%C3%A9`, `/caf%c3%a9` and `/café` alike.
 */
export function createRouter<T extends Routable>(operations: readonly T[]): Router<T> {
  const buckets = new Map<number, CompiledRoute<T>[]>();
  for (const operation of operations) {
    const route = compile(operation);
    const count = segmentCount(operation.path);
    const bucket = buckets.get(count) ?? [];
    bucket.push(route);
    buckets.set(count, bucket);
  }
  for (const bucket of buckets.values()) bucket.sort((a, b) => b.weight - a.weight);

  return {
    match(method, rawPath) {
      const path = canonical(rawPath);
      const bucket = buckets.get(segmentCount(path));
      if (bucket === undefined) return { kind: 'none' };
      const wanted = method.toLowerCase();
      const allowed: string[] = [];
      for (const route of bucket) {
        const found = route.regex.exec(path);
        if (found === null) continue;
        if (route.method !== wanted) {
          allowed.push(route.method.toUpperCase());
          continue;
        }
        const params: Record<string, string> = {};
        for (let i = 0; i < route.names.length; i++) params[route.names[i]] = safeDecode(found[i + 1]);
        return { kind: 'found', operation: route.operation, params };
      }
      return allowed.length > 0 ? { kind: 'method', allowed: [...new Set(allowed)] } : { kind: 'none' };
    },
  };
}

function compile<T extends Routable>(operation: T): CompiledRoute<T> {
  const names: string[] = [];
  let source = '';
  let weight = 0;
  for (const piece of canonical(operation.path).split(/(\{[^}]+\})/)) {
    if (piece.startsWith('{') && piece.endsWith('}')) {
      names.push(piece.slice(1, -1));
      source += '([^/]+)';
    } else {
      source += escapeRegex(piece);
      weight += piece.length;
    }
  }
  return { operation, method: operation.method.toLowerCase(), regex: new RegExp(`^${source}$`), names, weight };
}

function segmentCount(path: string): number {
  let count = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) count++;
  return count;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const ESCAPES = /(?:%[0-9a-f]{2})+/gi;
const KEPT = /[%/?#]/g;

/** Decodes every run of escapes that is valid UTF-8, except the characters that structure a path. */
function canonical(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(ESCAPES, (run) => {
    try {
      return decodeURIComponent(run).replace(KEPT, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
    } catch {
      return run;
    }
  });
}
