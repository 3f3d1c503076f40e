// Browser, loaded only when an override cannot be patched into the build-time highlighting:
// the highlight box's Shiki set-up (core, the two themes, the one grammar needed as its own chunk).
import { getHighlighter } from '../highlight/index.ts';
import type { PaletteEntry, TokenLine } from './payload.ts';
import { createPalette, highlightLines } from './tokens.ts';

export async function highlight(code: string, grammar: string): Promise<{ lines: TokenLine[]; palette: PaletteEntry[] }> {
  const palette = createPalette();
  const lines = await highlightLines(await getHighlighter(), code, grammar, palette);
  return { lines, palette: palette.entries };
}
