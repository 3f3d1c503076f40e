// Browser, loaded only when an override cannot be patched into the build-time highlighting:
// Shiki's core, the two themes and the one grammar needed. `embed:grammars` is written by the
// bundler with an import for each grammar the snippets use, so each becomes its own chunk.
import { grammars } from 'embed:grammars';
import { createLazyHighlighter } from './highlighter.ts';
import type { PaletteEntry, TokenLine } from './payload.ts';
import { createPalette, toTokenLines } from './tokens.ts';

const highlighterFor = createLazyHighlighter((grammar) => grammars[grammar]?.());

export async function highlight(code: string, grammar: string): Promise<{ lines: TokenLine[]; palette: PaletteEntry[] }> {
  const palette = createPalette();
  const lines = toTokenLines(await highlighterFor(grammar), code, grammar, palette);
  return { lines, palette: palette.entries };
}
