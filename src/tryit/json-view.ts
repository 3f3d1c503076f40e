// Response bodies for display: pretty-printed, highlighted as escaped HTML (one string, not
// thousands of elements), and cut to a preview above a size where the page would stall.

/** Above this many characters the body is not highlighted (plain text is laid out much faster). */
export const HIGHLIGHT_LIMIT = 120_000;
/** Above this many characters only the first part is shown, with "Show all". */
export const PREVIEW_LIMIT = 60_000;

export interface BodyView {
  /** Pretty JSON when the body parsed, else the text as it came. */
  text: string;
  json: boolean;
  value?: unknown;
  parseError?: string;
}

export function toBodyView(text: string, contentType: string): BodyView {
  const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(text);
  if (!looksJson || text.trim() === '') return { text, json: false };
  try {
    const value: unknown = JSON.parse(text);
    // Already pretty (multi-line) bodies are kept: re-printing a big body costs time for nothing.
    const pretty = text.length > PREVIEW_LIMIT && text.includes('\n  ') ? text : JSON.stringify(value, null, 2);
    return { text: pretty, json: true, value };
  } catch (error) {
    return { text, json: false, parseError: (error as Error).message };
  }
}

const TOKEN = /("(?:[^"\\\n]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

/** JSON text as HTML with `<span class="tj-…">` around keys, strings, numbers and literals. */
export function highlightJson(text: string): string {
  let html = '';
  let last = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    html += escapeHtml(text.slice(last, match.index));
    const [whole, string, colon, number, literal] = match;
    if (string !== undefined) html += `<span class="${colon ? 'tj-key' : 'tj-str'}">${escapeHtml(string)}</span>${colon ? escapeHtml(colon) : ''}`;
    else if (number !== undefined) html += `<span class="tj-num">${number}</span>`;
    else html += `<span class="tj-lit">${literal}</span>`;
    last = match.index + whole.length;
  }
  TOKEN.lastIndex = 0;
  return html + escapeHtml(text.slice(last));
}

export function escapeHtml(text: string): string {
  // Text content only (never attributes): quotes need no escaping.
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The part of a big body shown first: whole lines up to the limit. */
export function previewOf(text: string, limit = PREVIEW_LIMIT): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const cut = text.lastIndexOf('\n', limit);
  return { text: text.slice(0, cut > limit / 2 ? cut : limit), truncated: true };
}
