// Browser, loaded only when an override cannot be patched into the build-time highlighting:
// Shiki's core, the two themes and the one grammar needed (each grammar is its own chunk).
import { createLazyHighlighter } from './highlighter.ts';
import type { PaletteEntry, TokenLine } from './payload.ts';
import { createPalette, toTokenLines } from './tokens.ts';

const highlighterFor = createLazyHighlighter();

export async function highlight(code: string, grammar: string): Promise<{ lines: TokenLine[]; palette: PaletteEntry[] }> {
  const palette = createPalette();
  const lines = toTokenLines(await highlighterFor(grammar), code, grammar, palette);
  return { lines, palette: palette.entries };
}
