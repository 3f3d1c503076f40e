import { getHighlighter } from '../highlight/index.ts';
import type { SnippetVariant } from '../snippets/index.ts';

/** One tab of a snippet block: highlighted at build time for the values it was rendered with. */
export interface SnippetPanel {
  key: string;
  /** Canonical language id, the choice remembered across pages (`python`). */
  language: string;
  label: string;
  html: string;
}

export async function toPanels(variants: SnippetVariant[]): Promise<SnippetPanel[]> {
  const highlighter = await getHighlighter();
  return Promise.all(variants.map(async (v) => ({
    key: v.key,
    language: v.language.id,
    label: v.label,
    html: await highlighter.codeToHtml(v.code, v.language.grammar),
  })));
}
