import { describe, expect, it } from 'vitest';
import type { ApiModel, Operation } from '../openapi/index.ts';
import {
  createApiSidebar, FULL_SIDEBAR_LIMIT, shortLabel, SIDEBAR_LABEL_CAP, SIDEBAR_OPERATIONS_CAP, SIDEBAR_TAGS_CAP, windowAround, type SidebarGroup, type SidebarItem, type SidebarLink,
} from './sidebar.ts';
import { TAG_PAGE_SIZE } from './tag-pages.ts';
import { createReferenceUrls } from './urls.ts';

const op = (slug: string, method: Operation['method'], summary?: string): Operation => ({
  slug, method, path: `/${slug}`, summary, tags: [], deprecated: false, parameters: [], responses: [], security: [], servers: [], webhook: false,
});

function api(count: number): ApiModel {
  const operations = Array.from({ length: count }, (_, i) => op(`op-${i}`, i % 2 ? 'get' : 'post', i === 0 ? 'Create a thing' : undefined));
  const half = Math.ceil(count / 2);
  return {
    id: 'demo', file: 'openapi/demo.yaml', openapi: '3.1.0', title: 'Demo API', version: '1', servers: [], securitySchemes: {}, schemas: { Thing: {} },
    operations,
    tags: [
      { name: 'Things', operations: operations.slice(0, half).map((o) => o.slug) },
      { name: 'Other things', operations: operations.slice(half).map((o) => o.slug) },
    ],
  };
}

const urls = createReferenceUrls('/');
const apis = [{ id: 'demo', title: 'Demo API' }, { id: 'else', title: 'Else API' }];

describe('createApiSidebar', () => {
  it('a small API: every operation, grouped by tag, method badges, the current tag open', () => {
    const items = createApiSidebar({ api: api(6), apis, current: 'op-4' });
    expect(items[0]).toEqual({ label: 'Overview', link: '/reference/demo/' });
    const [things, others] = items.slice(1, 3) as SidebarGroup[];
    expect(things.collapsed).toBe(true);
    expect(others.collapsed).toBe(false);
    expect(things.items[0]).toEqual({ label: 'Create a thing', link: '/reference/demo/op-0/', badge: { text: 'POST', variant: 'success' } });
    expect((things.items[1] as SidebarLink).label).toBe('/op-1'); // no summary: the path
    expect((things.items[1] as SidebarLink).badge).toEqual({ text: 'GET', variant: 'note' });
    expect(items.at(-2)).toEqual({ label: 'Schemas', link: '/reference/demo/schemas/' });
    expect(items.at(-1)).toEqual({ label: 'Other APIs', collapsed: true, items: [{ label: 'Else API', link: '/reference/else/' }] });
  });

  it('a big API: only the current tag lists its operations; every tag is one link in a group', () => {
    const big = api(FULL_SIDEBAR_LIMIT + 40);
    const items = createApiSidebar({ api: big, apis, current: 'op-0' });
    const links = JSON.stringify(items).match(/"link":"\/reference\/demo\/op-/g) ?? [];
    expect(links).toHaveLength(SIDEBAR_OPERATIONS_CAP); // of the tag's 50
    expect((items[1] as SidebarGroup).label).toBe('Things');
    expect((items[1] as SidebarGroup).items.at(-1)).toEqual({ label: 'All 50 in Things', link: '/reference/demo/#tag-things' });
    const all = items[2] as SidebarGroup;
    expect(all.label).toBe('All groups');
    expect(all.items[1]).toEqual({ label: 'Other things', link: '/reference/demo/#tag-other-things', badge: { text: '50', variant: 'default' } });
  });

  it('on an overview page of a small API every group is open', () => {
    const items = createApiSidebar({ api: api(4), apis: [apis[0]] });
    expect((items[1] as SidebarGroup).collapsed).toBe(false);
    expect(items.some((i) => i.label === 'Other APIs')).toBe(false);
  });

  it('Microsoft Graph-sized: a window of the current tag and of the tags, each with a link to the whole list', () => {
    // 400 tags; the current one has 1,483 operations with long summaries (Graph's untagged ones).
    const long = 'Invoke function getAllMessages on the conversation thread of a group, with a very long summary that goes on';
    const tags = Array.from({ length: 400 }, (_, t) => ({ name: `tag.${t}`, operations: Array.from({ length: t === 200 ? 1483 : 25 }, (_, i) => `t${t}-${i}`) }));
    const operations = tags.flatMap((t) => t.operations.map((slug) => op(slug, 'get', long)));
    const graph: ApiModel = { ...api(1), operations, tags };
    const current = 't200-700';
    const items = createApiSidebar({ api: graph, apis, current });
    const here = items[1] as SidebarGroup;
    const opLinks = here.items.slice(0, -1) as SidebarLink[];
    expect(opLinks).toHaveLength(SIDEBAR_OPERATIONS_CAP);
    expect(opLinks.some((l) => l.link === '/reference/demo/t200-700/')).toBe(true); // the window holds the current one
    expect(opLinks[0].label.length).toBeLessThanOrEqual(SIDEBAR_LABEL_CAP);
    // Past the overview limit the tag's full list is its own page: the one holding the current operation.
    expect(here.items.at(-1)).toEqual({ label: 'All 1483 in tag.200', link: `/reference/demo/tags/tag-200/${Math.floor(700 / TAG_PAGE_SIZE) + 1}/` });
    const groups = items[2] as SidebarGroup;
    expect(groups.items).toHaveLength(SIDEBAR_TAGS_CAP + 1);
    expect(groups.items.some((l) => (l as SidebarLink).label === 'tag.200')).toBe(true);
    expect(groups.items.at(-1)).toEqual({ label: 'All 400 groups', link: '/reference/demo/#operations' });
    expect(groups.items[0]).toMatchObject({ link: expect.stringMatching(/^\/reference\/demo\/tags\/tag-\d+\/$/) });
    // The sidebar's weight is bounded by its caps, not by the spec: well under 30 KB of HTML.
    expect(linkCount(items)).toBeLessThanOrEqual(SIDEBAR_OPERATIONS_CAP + SIDEBAR_TAGS_CAP + 6);
    expect(JSON.stringify(items).length).toBeLessThan(12_000);
  });

  it('windowAround keeps the current entry inside and the window inside the list', () => {
    expect(windowAround(10, 3, 40)).toEqual([0, 10]);
    expect(windowAround(100, -1, 40)).toEqual([0, 40]);
    expect(windowAround(100, 50, 40)).toEqual([30, 70]);
    expect(windowAround(100, 99, 40)).toEqual([60, 100]);
  });

  it('shortLabel cuts at a word with an ellipsis', () => {
    expect(shortLabel('List users')).toBe('List users');
    const cut = shortLabel('word '.repeat(30));
    expect(cut.length).toBeLessThanOrEqual(SIDEBAR_LABEL_CAP);
    expect(cut).toMatch(/word…$/);
  });
});

function linkCount(items: SidebarItem[]): number {
  return items.reduce((n, item) => n + ('items' in item ? linkCount(item.items) : 1), 0);
}
