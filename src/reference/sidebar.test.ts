import { describe, expect, it } from 'vitest';
import type { ApiModel, Operation } from '../openapi/index.ts';
import { createApiSidebar, FULL_SIDEBAR_LIMIT, type SidebarGroup, type SidebarLink } from './sidebar.ts';
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
    const items = createApiSidebar({ api: api(6), apis, urls, current: 'op-4' });
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
    const items = createApiSidebar({ api: big, apis, urls, current: 'op-0' });
    const links = JSON.stringify(items).match(/"link":"\/reference\/demo\/op-/g) ?? [];
    expect(links).toHaveLength(50);
    expect((items[1] as SidebarGroup).label).toBe('Things');
    const all = items[2] as SidebarGroup;
    expect(all.label).toBe('All groups');
    expect(all.items[1]).toEqual({ label: 'Other things', link: '/reference/demo/#tag-other-things', badge: { text: '50', variant: 'default' } });
  });

  it('on an overview page of a small API every group is open', () => {
    const items = createApiSidebar({ api: api(4), apis: [apis[0]], urls });
    expect((items[1] as SidebarGroup).collapsed).toBe(false);
    expect(items.some((i) => i.label === 'Other APIs')).toBe(false);
  });
});
