// Refuses request paths that could steer the upstream URL anywhere but an operation of the
// configured API: dot segments (plain or encoded), encoded slashes and backslashes, empty
// segments (`//host`), control characters. Works on the raw, still-encoded path.

const ENCODED_SEPARATOR = /%(2f|5c)/i;
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;
const CONTROL = /[\u0000-\u001f\u007f\\]/;

/** The reason a path is refused, or undefined when it is acceptable. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'the path must start with /';
  if (path.includes('//')) return 'empty path segments (//) are not allowed';
  if (ENCODED_SEPARATOR.test(path)) return 'encoded slashes or backslashes are not allowed';
  if (DOT_SEGMENT.test(path)) return 'dot segments (. or ..) are not allowed';
  if (CONTROL.test(path)) return 'control characters and backslashes are not allowed';
  if (/%(?![0-9a-f]{2})/i.test(path)) return 'malformed percent-encoding';
  return undefined;
}

export interface ProxyTarget {
  api: string;
  /** Path below the API's base, starting with `/`, still encoded. */
  path: string;
  /** `?…` or empty, as received. */
  search: string;
}

/** Splits `<basePath>/<api>/<path>?<query>` from a raw request target or absolute URL. */
export function splitTarget(raw: string, basePath: string): ProxyTarget | undefined {
  let target = raw;
  if (!target.startsWith('/')) {
    // An absolute URL (request.url): keep only path and query, without re-parsing them.
    const afterScheme = target.indexOf('://');
    if (afterScheme < 0) return undefined;
    const pathStart = target.indexOf('/', afterScheme + 3);
    target = pathStart < 0 ? '/' : target.slice(pathStart);
  }
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const search = q < 0 ? '' : target.slice(q);
  const prefix = basePath + '/';
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return { api: slash === 0 ? '' : rest, path: '/', search };
  return { api: rest.slice(0, slash), path: rest.slice(slash), search };
}
