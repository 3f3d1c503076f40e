// An API's list of named schemas, in pages: Microsoft Graph's 2,599 schemas made a 520 KB list.
// Page 1 is `/reference/<api>/schemas/`, the next ones `schemas/~2/`, … (`~` never occurs in a
// schema's slug, so a page cannot meet a schema).
import { displayName } from './format.ts';
import type { ReferenceUrls } from './urls.ts';

/** Schemas on one page of the list (~110 B of HTML each). */
export const SCHEMA_LIST_PAGE = 1000;

/** The names in pages of at most `size`; always at least one page. */
export function schemaListPages(names: readonly string[], size = SCHEMA_LIST_PAGE): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < names.length; i += size) pages.push(names.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/** The path segment of page `n` under `schemas/`: '' for the first, `~2` for the second. */
export function schemaListSegment(n: number): string {
  return n <= 1 ? '' : `~${n}`;
}

/** An API's schema names in the list's order (by the name a reader sees), in pages. */
export function sortedSchemaListPages(names: readonly string[], size = SCHEMA_LIST_PAGE): string[][] {
  return schemaListPages([...names].sort((a, b) => displayName(a).localeCompare(displayName(b))), size);
}

/** Page `n` (1-based) of the list: its names, the 1-based positions of its first and last, and the whole count. */
export function schemaListSlice(pages: readonly string[][], n: number): { names: string[]; from: number; to: number; total: number } {
  const names = pages[n - 1] ?? [];
  const from = pages.slice(0, n - 1).reduce((sum, p) => sum + p.length, 0) + 1;
  const total = pages.reduce((sum, p) => sum + p.length, 0);
  return { names, from, to: from + names.length - 1, total };
}

/** Page `n` of an API's schema list: `…/schemas/`, then `…/schemas/~2/`. */
export function schemaListHref(urls: ReferenceUrls, api: string, n: number): string {
  return `${urls.schemas(api)}${schemaListSegment(n)}${n > 1 ? '/' : ''}`;
}

/** The title of page `n` of the list: `Acme API schemas`, then `Acme API schemas (2 of 3)`. */
export function schemaListTitle(apiTitle: string, n: number, pages: number): string {
  return n > 1 ? `${apiTitle} schemas (${n} of ${pages})` : `${apiTitle} schemas`;
}
