// Build time: one snippet folder → the JSON the embed fetches for it.
import { getSnippet, rawUses, renderSnippet, SnippetError, toProgram, type CompiledSnippets, type SnippetRegistry } from '../snippets/index.ts';
import type { Highlighter } from '../highlight/index.ts';
import { linesToText, PAYLOAD_VERSION, type EmbedPayload } from './payload.ts';
import { createPalette, highlightLines } from './tokens.ts';

export async function toEmbedPayload(registry: SnippetRegistry, compiled: CompiledSnippets, id: string, highlighter: Highlighter): Promise<EmbedPayload> {
  const snippet = getSnippet(registry, id);
  const rendered = renderSnippet(registry, compiled, id);
  const palette = createPalette();
  const variants = [];
  for (const variant of rendered.variants) {
    const template = snippet.templates.find((t) => t.alias === variant.key)!;
    const grammar = variant.language.grammar;
    const lines = await highlightLines(highlighter, variant.code, grammar, palette, true);
    if (linesToText(lines) !== variant.code) {
      throw new SnippetError(template.file, undefined, 'the highlighter changed the text of this snippet (line endings?); save it with \\n line endings.');
    }
    variants.push({
      key: variant.key,
      lang: variant.language.id,
      label: variant.label,
      grammar,
      lines,
      program: toProgram(template.source, template.file),
    });
  }
  return {
    v: PAYLOAD_VERSION,
    id,
    title: rendered.title,
    ...(rendered.docs ? { docs: rendered.docs } : {}),
    payload: snippet.config.payload,
    vars: [...new Set(snippet.templates.flatMap((t) => t.variables))].sort(),
    raw: rawUses(snippet),
    palette: palette.entries,
    variants,
  };
}

/** The snippets the embed serves: every folder but the generated clients (`_generated`), which need a request. */
export function embeddableIds(registry: SnippetRegistry): string[] {
  return Object.values(registry.snippets)
    .filter((s) => !s.group.startsWith('_'))
    .map((s) => s.id)
    .sort();
}
