import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../openapi/index.ts';
import { createTagHref, hasTagPages, OVERVIEW_OPERATIONS_LIMIT, TAG_PAGE_SIZE, tagPagePath, tagPages } from './tag-pages.ts';
import { createReferenceUrls } from './urls.ts';

function api(sizes: Record<string, number>): Pick<ApiModel, 'id' | 'tags' | 'operations'> {
  const tags = Object.entries(sizes).map(([name, n]) => ({ name, operations: Array.from({ length: n }, (_, i) => `${name}-${i}`) }));
  const operations = tags.flatMap((t) => t.operations).map((slug) => ({ slug }) as ApiModel['operations'][number]);
  return { id: 'g', tags, operations };
}
const urls = createReferenceUrls('/');

describe('tag pages', () => {
  it('a small API has none: its groups are sections of the overview', () => {
    const small = api({ Users: 10, Mail: 5 });
    expect(hasTagPages(small)).toBe(false);
    expect(tagPages(small)).toEqual([]);
    expect(createTagHref(small, urls)('Mail')).toBe('/reference/g/#tag-mail');
  });

  it('a big API: every group has pages of at most TAG_PAGE_SIZE operations, in the group order', () => {
    const big = api({ 'groups.site': TAG_PAGE_SIZE * 2 + 1, 'Groups site': 3, Other: OVERVIEW_OPERATIONS_LIMIT });
    expect(hasTagPages(big)).toBe(true);
    const pages = tagPages(big);
    expect(pages.map((p) => [tagPagePath(p.slug, p.page), p.operations.length, p.from])).toEqual([
      ['groups-site', TAG_PAGE_SIZE, 0],
      ['groups-site/2', TAG_PAGE_SIZE, TAG_PAGE_SIZE],
      ['groups-site/3', 1, TAG_PAGE_SIZE * 2],
      ['groups-site-2', 3, 0], // two tags, one slug: the second is numbered
      ...Array.from({ length: Math.ceil(OVERVIEW_OPERATIONS_LIMIT / TAG_PAGE_SIZE) }, (_, i) => [i === 0 ? 'other' : `other/${i + 1}`, Math.min(TAG_PAGE_SIZE, OVERVIEW_OPERATIONS_LIMIT - i * TAG_PAGE_SIZE), i * TAG_PAGE_SIZE]),
    ]);
    expect(pages.flatMap((p) => p.operations)).toEqual(big.tags.flatMap((t) => t.operations));
    const href = createTagHref(big, urls);
    expect(href('groups.site')).toBe('/reference/g/tags/groups-site/');
    expect(href('groups.site', `groups.site-${TAG_PAGE_SIZE * 2}`)).toBe('/reference/g/tags/groups-site/3/');
    expect(href('Groups site', 'Groups site-1')).toBe('/reference/g/tags/groups-site-2/');
  });
});
