// Keys never reach a log line: query values of key-like parameters are masked, and every
// credential the request carried is scrubbed from whatever text is logged.

const KEY_LIKE = /key|token|secret|passw|auth|sig|credential|session/i;
export const REDACTED = '[REDACTED]';

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
        const name = safeDecode(pair.slice(0, eq));
        return secretNames.includes(name) || KEY_LIKE.test(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
      })
      .join('&')
  );
}

/** The secrets a request carries in the given headers: the whole value and the credential after its scheme word. */
export function secretsOf(headers: Headers, names: readonly string[]): string[] {
  const secrets: string[] = [];
  for (const name of names) {
    const value = headers.get(name);
    if (!value) continue;
    secrets.push(value);
    const space = value.indexOf(' ');
    if (space > 0 && value.length - space > 4) secrets.push(value.slice(space + 1).trim());
  }
  return secrets.filter((s) => s.length >= 4);
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
