// A proxied response is never active content on the docs origin, where keys saved with
// "Remember on this device" live in localStorage. The try-it console reads responses with
// fetch(), which none of these headers affect; they matter only when a browser navigates to or
// embeds a proxy URL:
// - `Content-Security-Policy: sandbox; default-src 'none'` makes any document an opaque origin
//   with no script, so even HTML that renders cannot reach our storage or cookies;
// - `X-Content-Type-Options: nosniff` stops a browser from guessing HTML or script in a body
//   labelled otherwise, and a missing type becomes `application/octet-stream`;
// - `Content-Disposition: attachment` for every type a browser would render as a document
//   (HTML, XML, SVG, PDF, untyped, anything unlisted), so navigating there downloads instead.
// Types that only ever display passively keep their own disposition: JSON, text, SSE, images
// (not SVG), audio and video. The upstream's own CSP is replaced, never merged.

const PASSIVE = /^(application\/([\w.+-]*\+)?json|application\/x-ndjson|text\/(plain|csv|event-stream)|image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;

export const PASSIVE_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** True when a browser shows this media type passively (never as a script-capable document). */
export function isPassiveType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semi = contentType.indexOf(';');
  const type = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return PASSIVE.test(type);
}

/** Adds the passive-content headers to a lower-case header record, in place. */
export function makePassive(headers: Record<string, string>): void {
  if (headers['content-type'] === undefined || headers['content-type'].trim() === '') headers['content-type'] = 'application/octet-stream';
  headers['content-security-policy'] = PASSIVE_CSP;
  headers['x-content-type-options'] = 'nosniff';
  delete headers['content-security-policy-report-only'];
  if (!isPassiveType(headers['content-type']) && !/^\s*attachment\b/i.test(headers['content-disposition'] ?? '')) headers['content-disposition'] = 'attachment';
}
