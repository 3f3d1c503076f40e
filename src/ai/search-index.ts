// Full-text search over the twins with MiniSearch (small, no dependencies, runs on Node and
// in Workers, and its index serialises to JSON so the build does the indexing once).
import MiniSearch from 'minisearch';
import type { Twin, TwinEntry } from './types.ts';

interface SearchDoc {
  id: number;
  title: string;
  headings: string;
  text: string;
}

export interface SearchHit {
  twin: TwinEntry;
  score: number;
  excerpt: string;
}

const OPTIONS = {
  fields: ['title', 'headings', 'text'],
  storeFields: [] as string[],
  // Fuzzy matching only for longer words: it is the costly part, and short words rarely need it.
  searchOptions: { boost: { title: 4, headings: 2 }, prefix: (term: string) => term.length >= 4, fuzzy: (term: string) => (term.length >= 6 ? 0.15 : false), combineWith: 'OR' as const },
};

/**
 * Build time: the index of every twin but a big API's group pages, as JSON-ready data. A group
 * page only repeats its operations' titles: a search should land on the operations, and Microsoft
 * Graph's 11,422 would weigh on the data file twice.
 */
export function createSearchIndex(twins: Twin[]): unknown {
  const search = new MiniSearch<SearchDoc>(OPTIONS);
  search.addAll(twins.flatMap((t, id) => (t.kind === 'tag' ? [] : [{ id, title: t.title, headings: headingsOf(t.markdown), text: proseOf(t.markdown) }])));
  return search.toJSON();
}

export interface DocsSearch {
  search(query: string, options?: { limit?: number; api?: string }): Promise<SearchHit[]>;
}

/** Run time: loads the serialised index once; `textOf` gives a twin's Markdown (for the excerpts). */
export function loadSearch(index: unknown, twins: TwinEntry[], textOf: (twin: TwinEntry) => Promise<string>): DocsSearch {
  const search = MiniSearch.loadJS<SearchDoc>(index as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
  return {
    async search(query, { limit = 8, api } = {}) {
      const terms = MiniSearch.getDefault('tokenize')(query.toLowerCase(), '').filter((t: string) => t.length > 1);
      const results = search.search(query, { filter: api ? (r) => twins[r.id as number]?.api === api : undefined });
      // Several APIs document the same operation (three "Create a chat completion" pages): each
      // repeat of a title counts half as much as the one before, so other pages get a place.
      const seen = new Map<string, number>();
      const ranked = results.map((r) => {
        const twin = twins[r.id as number];
        const repeats = seen.get(twin.title) ?? 0;
        seen.set(twin.title, repeats + 1);
        return { twin, score: r.score / 2 ** repeats };
      }).sort((a, b) => b.score - a.score);
      return Promise.all(ranked.slice(0, limit).map(async ({ twin, score }) => ({ twin, score, excerpt: excerptOf(await textOf(twin), terms) })));
    },
  };
}

/** The twin without its fenced code (samples and JSON examples): prose and field lists carry the meaning. */
function proseOf(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, ' ');
}

function headingsOf(markdown: string): string {
  return [...markdown.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]).join('\n');
}

/** The paragraph (or line) with the most query terms, cut to ~240 characters around the first one. */
export function excerptOf(markdown: string, terms: string[]): string {
  const blocks = markdown.split(/\n{2,}/).filter((b) => !b.startsWith('```') && !b.startsWith('# '));
  let best = blocks[0] ?? '';
  let bestScore = -1;
  for (const block of blocks) {
    const lower = block.toLowerCase();
    const score = terms.reduce((n, t) => n + (lower.includes(t) ? 1 : 0), 0);
    if (score > bestScore) {
      best = block;
      bestScore = score;
    }
  }
  const flat = best.replace(/\s+/g, ' ').trim();
  if (flat.length <= 240) return flat;
  const first = Math.max(0, Math.min(...terms.map((t) => flat.toLowerCase().indexOf(t)).filter((i) => i >= 0), flat.length) - 60);
  return (first > 0 ? '…' : '') + flat.slice(first, first + 240).trim() + '…';
}
