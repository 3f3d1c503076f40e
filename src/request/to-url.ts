import type { RequestSpec } from './types.ts';

const PLACEHOLDER = /^<[^<>]+>$/;

/** The path with its parameters filled in, percent-encoded; `<PLACEHOLDER>` values stay readable. */
export function toPath(spec: RequestSpec): string {
  return spec.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = spec.pathParams[name];
    if (value === undefined) return whole;
    return PLACEHOLDER.test(value) ? value : encodeURIComponent(value);
  });
}

/** `a=1&a=2&q=hello%20world`, auth query keys included. */
export function toQueryString(spec: RequestSpec, withAuth = true): string {
  const pairs = [...spec.query];
  if (withAuth && spec.auth?.in === 'query') pairs.push([spec.auth.name, spec.auth.prefix + spec.auth.key]);
  return pairs.map(([name, value]) => `${encodeQuery(name)}=${encodeQuery(value)}`).join('&');
}

export function toUrl(spec: RequestSpec): string {
  const query = toQueryString(spec);
  return spec.baseUrl + toPath(spec) + (query ? `?${query}` : '');
}

function encodeQuery(text: string): string {
  if (PLACEHOLDER.test(text)) return text;
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
