// Code → compact highlighted lines with a colour for each theme; shared by the build (which
// also marks the string tokens an override may be typed into) and the browser fallback.
import type { Highlighter, ScopedToken, ThemedToken } from '../highlight/index.ts';
import type { PaletteEntry, TokenKind, TokenLine } from './payload.ts';
import { FORBIDDEN } from './token-kinds.ts';

export interface Palette {
  entries: PaletteEntry[];
  indexOf(entry: PaletteEntry): number;
}

export function createPalette(entries: PaletteEntry[] = []): Palette {
  const seen = new Map(entries.map((e, i) => [e.join('|'), i]));
  return {
    entries,
    indexOf(entry) {
      const key = entry.join('|');
      let index = seen.get(key);
      if (index === undefined) {
        index = entries.push(entry) - 1;
        seen.set(key, index);
      }
      return index;
    },
  };
}

/** Grammars whose string rules the patch test covers; other languages are always re-highlighted. */
const EDITABLE = new Set(['python', 'javascript', 'typescript', 'shellscript', 'json']);

// A token may be edited in place only if it is a string's plain content: not an escape, a
// placeholder, an interpolation or a quote. Shell single quotes are literal even inside $(...).
const NOT_PLAIN = /punctuation|constant|variable|embedded|interpolat|template|regexp|storage|keyword|support|entity|heredoc|fstring|format/;
const QUOTE = /punctuation\.definition\.string/;

type Part = ScopedToken;

/**
 * Highlighted code as compact lines. `scopes` (the build passes them) marks the string contents
 * an override may be typed into; without them every token is kind 0.
 */
export function toTokenLines(tokens: ThemedToken[][], grammar: string, palette: Palette, scopes?: ScopedToken[][]): TokenLine[] {
  const kindLines = scopes && EDITABLE.has(grammar) ? toKindLines(scopes) : undefined;
  return tokens.map((line, n) => {
    const out: TokenLine = [];
    const push = (text: string, entry: PaletteEntry) => {
      if (text === '') return;
      const index = palette.indexOf(entry);
      if (out.length > 0 && out[out.length - 1] === index) out[out.length - 2] += text;
      else out.push(text, index);
    };
    const segments = kindLines?.[n] ?? [];
    let s = 0;
    let segmentEnd = segments[0]?.text.length ?? Infinity;
    let position = 0;
    for (const token of line) {
      const base: [string, string, number] = [token.light, token.dark, token.style];
      let rest = token.text;
      while (rest !== '') {
        while (position >= segmentEnd && s < segments.length - 1) segmentEnd += segments[++s].text.length;
        const take = Math.min(rest.length, segmentEnd - position);
        push(rest.slice(0, take), [...base, segments[s]?.kind ?? 0]);
        rest = rest.slice(take);
        position += take;
      }
    }
    return out;
  });
}

/** Code → highlighted lines, through the one highlighter of the highlight box. */
export async function highlightLines(highlighter: Highlighter, code: string, grammar: string, palette: Palette, withKinds = false): Promise<TokenLine[]> {
  const tokens = await highlighter.codeToTokens(code, grammar);
  const scopes = withKinds && EDITABLE.has(grammar) ? await highlighter.codeToScopes(code, grammar) : undefined;
  return toTokenLines(tokens, grammar, palette, scopes);
}

/** Per line, segments of text with the kind of edit they allow. */
function toKindLines(lines: ScopedToken[][]): Array<Array<{ text: string; kind: TokenKind }>> {
  return lines.map((parts) => {
    const kinds = parts.map(kindOf);
    const isQuote = (i: number) => i < 0 || i >= parts.length || QUOTE.test(parts[i].scopes.join(' '));
    return parts.map((part, i) => {
      const kind = kinds[i];
      // Bounded by its quotes (or the line's ends in a multi-line string), never by an escape or placeholder.
      const bounded = (isQuote(i - 1) || kinds[i - 1] === kind) && (isQuote(i + 1) || kinds[i + 1] === kind);
      return { text: part.text, kind: kind !== 0 && bounded && !FORBIDDEN[kind].test(part.text) ? kind : 0 };
    });
  });
}

function kindOf(part: Part): TokenKind {
  const last = part.scopes[part.scopes.length - 1] ?? '';
  if (!last.startsWith('string.quoted.')) return 0;
  if (last.startsWith('string.quoted.single.shell')) return part.scopes.some((s) => /punctuation|heredoc/.test(s)) ? 0 : 2;
  return part.scopes.some((s) => NOT_PLAIN.test(s)) ? 0 : 1;
}
