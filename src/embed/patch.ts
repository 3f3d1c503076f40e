// Browser: puts the text an override changed into the code that was highlighted at build time
// for the defaults, when every change falls inside the plain content of one quoted string
// (a model name, a URL, a key). Anything else returns null and the caller re-highlights.
import type { PaletteEntry, TokenLine } from './payload.ts';
import type { Piece } from '../snippets/runtime.ts';
import { FORBIDDEN } from './token-kinds.ts';

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Token {
  text: string;
  color: number;
  start: number;
}

/** `before`: the program's pieces for the defaults (the text of `lines`); `after`: for the overrides. */
export function patchLines(lines: TokenLine[], palette: PaletteEntry[], before: Piece[], after: Piece[]): TokenLine[] | null {
  const edits = toEdits(before, after);
  if (!edits) return null;
  if (edits.length === 0) return lines;
  const rows: Token[][] = [];
  let offset = 0;
  for (const line of lines) {
    const row: Token[] = [];
    for (let i = 0; i < line.length; i += 2) {
      row.push({ text: line[i] as string, color: line[i + 1] as number, start: offset });
      offset += (line[i] as string).length;
    }
    rows.push(row);
    offset += 1; // the newline
  }
  // Last edit first, so the offsets of earlier edits still hold.
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    const token = rows.flat().find((t) => palette[t.color][3] !== 0 && t.start <= edit.start && edit.end <= t.start + t.text.length);
    if (!token) return null;
    const text = token.text.slice(0, edit.start - token.start) + edit.text + token.text.slice(edit.end - token.start);
    if (FORBIDDEN[palette[token.color][3] as 1 | 2].test(text)) return null;
    token.text = text;
  }
  return rows.map((row) => row.filter((t) => t.text !== '').flatMap((t) => [t.text, t.color]));
}

/** What changed, as replacements in the defaults' text; null when the template took another path. */
function toEdits(before: Piece[], after: Piece[]): Edit[] | null {
  if (before.length !== after.length) return null;
  const edits: Edit[] = [];
  let offset = 0;
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a.dynamic !== b.dynamic || (!a.dynamic && a.text !== b.text)) return null;
    if (a.text !== b.text) {
      // Only the middle that differs: `"gpt-4o"` → `"super"` edits inside the quotes.
      let prefix = 0;
      while (prefix < a.text.length && prefix < b.text.length && a.text[prefix] === b.text[prefix]) prefix++;
      let suffix = 0;
      const room = Math.min(a.text.length, b.text.length) - prefix;
      while (suffix < room && a.text[a.text.length - 1 - suffix] === b.text[b.text.length - 1 - suffix]) suffix++;
      edits.push({ start: offset + prefix, end: offset + a.text.length - suffix, text: b.text.slice(prefix, b.text.length - suffix) });
    }
    offset += a.text.length;
  }
  return edits;
}
