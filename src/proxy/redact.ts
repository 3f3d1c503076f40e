// Keys never reach a log line: query values of key-like parameters are masked, and every
// credential the request carried (in a header or a key-like query parameter) is scrubbed from
// whatever text is logged. Works for any request, before it is known to be allowed.
import type { HeaderSource } from './request-head.ts';

const KEY_LIKE = /key|token|secret|passw|auth|sig|credential|session/i;
export const REDACTED = '[REDACTED]';

/** Header names that carry credentials whatever the API: scrubbed even for unknown APIs. */
export const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'cookie'];

const isSecretName = (name: string, secretNames: readonly string[]): boolean => secretNames.includes(name) || KEY_LIKE.test(name);

/** `?api_key=abc&q=1` → `?api_key=[REDACTED]&q=1`. */
export function redactSearch(search: string, secretNames: readonly string[]): string {
  if (search.length <= 1) return search;
  return (
    '?' +
    search
      .slice(1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        return isSecretName(safeDecode(pair.slice(0, eq)), secretNames) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
      })
      .join('&')
  );
}

/**
 * The secrets a request carries: each credential header's whole value and the credential after
 * its scheme word (`Bearer sk-…` → `sk-…`), and the values of key-like query parameters.
 */
export function secretsOf(headers: HeaderSource, headerNames: readonly string[], search: string, queryNames: readonly string[]): string[] {
  const secrets: string[] = [];
  for (const name of headerNames) {
    const value = headers.get(name);
    if (!value) continue;
    secrets.push(value);
    const space = value.indexOf(' ');
    if (space > 0 && value.length - space > 4) secrets.push(value.slice(space + 1).trim());
  }
  if (search.length > 1) {
    for (const pair of search.slice(1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && isSecretName(safeDecode(pair.slice(0, eq)), queryNames)) secrets.push(pair.slice(eq + 1), safeDecode(pair.slice(eq + 1)));
    }
  }
  // Longest first, so a whole value is replaced before a part of it.
  return [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
