import type { ApiModel, Operation } from '../openapi/index.ts';
import { getHighlighter } from '../highlight/index.ts';
import { checkableSample, sampleLanguage, type SnippetVariant } from '../snippets/index.ts';
import { escapeHtml } from './format.ts';

/** One tab of a snippet block: highlighted at build time for the values it was rendered with. */
export interface SnippetPanel {
  key: string;
  /** Canonical language id, the choice remembered across pages (`python`). */
  language: string;
  label: string;
  html: string;
  /** Tabs of one block fall in groups when it mixes the author's samples with ours. */
  group?: 'samples' | 'generated';
  /** Shown above the code: where it comes from and whether we ran it. */
  note?: string;
}

/**
 * Highlighted HTML is 5–8× the code it colours. A block whose tabs would pass this many bytes
 * highlights its first tab only and shows the others as plain text: a request body with
 * hundreds of fields (Keycloak's `PUT /{realm}`) then keeps its page under 300 KB.
 */
export const HIGHLIGHT_BUDGET = 60_000;

export async function toPanels(variants: SnippetVariant[], budget = HIGHLIGHT_BUDGET): Promise<SnippetPanel[]> {
  const highlighter = await getHighlighter();
  const html = await Promise.all(variants.map((v) => highlighter.codeToHtml(v.code, v.language.grammar)));
  const total = html.reduce((sum, h) => sum + h.length, 0);
  return variants.map((v, i) => ({
    key: v.key,
    language: v.language.id,
    label: v.label,
    html: i === 0 || total <= budget ? html[i] : plainHtml(v.code),
  }));
}

/** The same frame as Shiki's output (so the same CSS applies), without the colours. */
function plainHtml(code: string): string {
  return `<pre class="shiki plain" tabindex="0"><code>${escapeHtml(code)}</code></pre>`;
}

/** Our generated snippets show unless the spec asks for the author's alone (`x-snippets.generated: when-no-samples`) and there are some. */
export function showsGenerated(api: ApiModel, op: Operation): boolean {
  return !(api.generatedSnippets === 'when-no-samples' && (op.codeSamples?.length ?? 0) > 0);
}

export const SAMPLE_NOTES = {
  checked: 'Written by the API’s authors, shown as written. Run against the sandbox in our tests.',
  unchecked: 'Written by the API’s authors, shown as written. Not checked by us.',
} as const;

/** The author's `x-codeSamples` of an operation as tabs, in their order, each with its label and language. */
export async function toSamplePanels(api: ApiModel, op: Operation): Promise<SnippetPanel[]> {
  const highlighter = await getHighlighter();
  return Promise.all((op.codeSamples ?? []).map(async (sample, i) => {
    const language = sampleLanguage(sample);
    const html = await highlighter.codeToHtml(sample.source, language.grammar);
    return {
      key: `sample-${i}`,
      language: language.id,
      label: sample.label ?? language.label,
      html,
      group: 'samples' as const,
      note: checkableSample(api, op, sample) ? SAMPLE_NOTES.checked : SAMPLE_NOTES.unchecked,
    };
  }));
}

/**
 * An id for a snippet block's tabs and panels, derived from what the block shows (title and
 * every tab's key and code), so the same build writes the same HTML. A block repeated on a page
 * shows the same thing: the caller numbers repeats (`-2`, `-3`) in the order they render.
 */
export function snippetBlockId(title: string | undefined, panels: SnippetPanel[]): string {
  // FNV-1a, 32 bits twice with two seeds: short, stable, no dependency.
  const text = JSON.stringify([title ?? '', panels.map((p) => [p.key, p.html])]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x2545f491) >>> 0;
  }
  return `snippet-${a.toString(36)}${b.toString(36)}`;
}
