import { describe, expect, it } from 'vitest';
import { schemaSlugs } from '../openapi/index.ts';
import { SCHEMA_LIST_PAGE, schemaListPages, schemaListSegment, schemaListSlice } from './schema-list-pages.ts';

describe('schema list pages', () => {
  it('splits the names in order, each page at most the page size', () => {
    const names = Array.from({ length: SCHEMA_LIST_PAGE * 2 + 1 }, (_, i) => `microsoft.graph.s${i}`);
    const pages = schemaListPages(names);
    expect(pages.map((p) => p.length)).toEqual([SCHEMA_LIST_PAGE, SCHEMA_LIST_PAGE, 1]);
    expect(pages.flat()).toEqual(names);
    expect(schemaListPages([])).toEqual([[]]);
    expect(schemaListPages(['a', 'b'])).toEqual([['a', 'b']]);
  });

  it("gives a page's slice and its place in the whole list", () => {
    const pages = schemaListPages(['a', 'b', 'c', 'd', 'e'], 2);
    expect(schemaListSlice(pages, 1)).toEqual({ names: ['a', 'b'], from: 1, to: 2, total: 5 });
    expect(schemaListSlice(pages, 3)).toEqual({ names: ['e'], from: 5, to: 5, total: 5 });
  });

  it('names later pages with a segment no schema slug can take', () => {
    expect([1, 2, 3].map(schemaListSegment)).toEqual(['', '~2', '~3']);
    const slugs = Object.values(schemaSlugs(['~2', 'Page~2', '~/paths/~1x', '2']));
    for (const slug of slugs) expect(slug).not.toContain('~');
  });
});
