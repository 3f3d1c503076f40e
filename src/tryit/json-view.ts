// Response bodies for display: pretty-printed, highlighted as escaped HTML (one string, not
// thousands of elements), and cut to a preview above a size where the page would stall.
import { escapeHtml } from '../snippets/runtime.ts';

/** Above this many characters the body is not highlighted (plain text is laid out much faster). */
export const HIGHLIGHT_LIMIT = 120_000;
/** Above this many characters only the first part is shown, with "Show all". */
export const PREVIEW_LIMIT = 60_000;

export interface BodyView {
  /** The body as it came. */
  raw: string;
  json: boolean;
  value?: unknown;
  parseError?: string;
}

/** Parses a JSON body (one `JSON.parse`, nothing else: pretty-printing is done per view, see `prettyJson`). */
export function toBodyView(text: string, contentType: string): BodyView {
  const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(text);
  if (!looksJson || text.trim() === '') return { raw: text, json: false };
  try {
    return { raw: text, json: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { raw: text, json: false, parseError: (error as Error).message };
  }
}

/**
 * Re-indents JSON text (two spaces) without parsing it, stopping once `limit` characters are
 * written: the first screen of a 2 MB body costs what the first screen costs, not the body.
 */
export function prettyJson(raw: string, limit = Infinity): { text: string; truncated: boolean } {
  let out = '';
  let depth = 0;
  const newline = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < raw.length; i++) {
    if (out.length >= limit) {
      const cut = out.lastIndexOf('\n');
      return { text: cut > limit / 2 ? out.slice(0, cut) : out, truncated: true };
    }
    const c = raw[i];
    if (c === '"') {
      let j = i + 1;
      while (j < raw.length && raw[j] !== '"') j += raw[j] === '\\' ? 2 : 1;
      out += raw.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (j < raw.length && /\s/.test(raw[j])) j++;
      if (raw[j] === close) {
        out += c + close;
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
      out += newline() + c;
    } else if (c === ',') out += ',' + newline();
    else if (c === ':') out += ': ';
    else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      // Numbers and literals: copy the run in one go.
      let j = i;
      while (j < raw.length && /[^\s,:[\]{}"]/.test(raw[j])) j++;
      out += raw.slice(i, j);
      i = j - 1;
    }
  }
  return { text: out, truncated: false };
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

/** The part of a big body shown first: whole lines up to the limit. */
export function previewOf(text: string, limit = PREVIEW_LIMIT): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const cut = text.lastIndexOf('\n', limit);
  return { text: text.slice(0, cut > limit / 2 ? cut : limit), truncated: true };
}
