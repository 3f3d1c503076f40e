// Examples as highlighted HTML without a highlighter: JSON has five token kinds, a regex
// finds them, and CSS colours them from Starlight's variables. Big examples are cut at a
// line so a page stays small.
import { escapeHtml } from './format.ts';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export interface ExampleHtml {
  html: string;
  /** Lines left out, 0 when the whole example is shown. */
  omitted: number;
}

/** Any example value: strings (an SSE stream, plain text) are shown as they are, the rest as JSON. */
export function exampleToHtml(value: unknown, maxChars = 6000): ExampleHtml {
  if (typeof value === 'string') return cut(value, maxChars, SSE_LINE.test(value) ? highlightEventStream : escapeHtml);
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? 'null';
  } catch {
    // Only a YAML alias pointing at its own parent gets here.
    return { html: '(this example contains itself and cannot be shown)', omitted: 0 };
  }
  return cut(text, maxChars, highlightJson);
}

function cut(text: string, maxChars: number, render: (text: string) => string): ExampleHtml {
  if (text.length <= maxChars) return { html: render(text), omitted: 0 };
  const end = text.lastIndexOf('\n', maxChars);
  const kept = text.slice(0, end > 0 ? end : maxChars);
  const omitted = text.slice(kept.length).split('\n').length - 1 || 1;
  return { html: render(kept), omitted };
}

const SSE_LINE = /^(data|event|id|retry):/m;

/** A whole Server-Sent Events stream: field names marked, each `data:` payload coloured as JSON. */
export function highlightEventStream(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(data|event|id|retry):( ?)(.*)$/.exec(line);
      if (!m) return escapeHtml(line);
      return `<span class="j-f">${m[1]}:</span>${m[2]}${m[1] === 'data' ? highlightJson(m[3]) : escapeHtml(m[3])}`;
    })
    .join('\n');
}

export function highlightJson(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    html += escapeHtml(text.slice(last, match.index));
    const [whole, string, colon, literal, number] = match;
    if (string !== undefined) html += colon ? `<span class="j-k">${escapeHtml(string)}</span>${colon}` : `<span class="j-s">${escapeHtml(string)}</span>`;
    else if (literal !== undefined) html += `<span class="j-l">${literal}</span>`;
    else if (number !== undefined) html += `<span class="j-n">${number}</span>`;
    last = match.index + whole.length;
  }
  return html + escapeHtml(text.slice(last));
}
