// Small Markdown writers shared by the twins: a twin is read by models and people, so every
// value from a spec is put where Markdown cannot misread it (table cells, code spans, fences).

/** A code span that survives backticks inside the value. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any run of backticks in the body. */
export function fence(body: string, lang = ''): string {
  const longest = Math.max(2, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${lang}\n${body.replace(/\n+$/, '')}\n${marks}`;
}

/** Spec prose on one line (list items and table cells cannot hold paragraphs). */
export function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s*\n\s*/g, ' ').trim();
}

/** A table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** JSON for a fenced block, pretty but bounded: a huge example is cut with a note. */
export function prettyJson(value: unknown, maxChars = 6000): string {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    text = '(an example that refers to itself)';
  }
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}\n… (cut at ${maxChars} characters)`;
}
