import { pathProblem } from './path-guard.ts';

/**
 * A redirect inside the API's base becomes a proxy URL (`<mount><rest>`); one anywhere else is
 * refused (undefined), so the browser is never sent to another host through us.
 */
export function toProxyLocation(location: string, requestUrl: string, upstream: string, mount: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(location, requestUrl);
  } catch {
    return undefined;
  }
  const href = resolved.origin + resolved.pathname;
  if (!href.startsWith(upstream + '/')) return undefined;
  const rest = href.slice(upstream.length);
  return pathProblem(rest) === undefined ? mount + rest + resolved.search : undefined;
}
