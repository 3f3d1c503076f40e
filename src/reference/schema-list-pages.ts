// An API's list of named schemas, in pages: Microsoft Graph's 2,599 schemas made a 520 KB list.
// Page 1 is `/reference/<api>/schemas/`, the next ones `schemas/~2/`, … (`~` never occurs in a
// schema's slug, so a page cannot meet a schema).

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
