// The twins of a big API's paged pages, on a spec generated here past both limits (over
// OVERVIEW_OPERATIONS_LIMIT operations, over SCHEMA_LIST_PAGE schemas), through the real
// normaliser and the reference box's paging: every group page and every page of the schema list
// has a twin at the HTML page's URL + `.md`, listing exactly that page's slice with links to the
// operation and schema twins; the overview lists the groups as the HTML does.
import { describe, expect, it } from 'vitest';
import { fromDocument, schemaSlugs, type ApiModel, type OpenApiDocument } from '../openapi/index.ts';
import { createReferenceUrls, schemaListHref, sortedSchemaListPages, tagPagePath, tagPages } from '../reference/index.ts';
import { OVERVIEW_OPERATIONS_LIMIT, TAG_PAGE_SIZE } from '../reference/tag-pages.ts';
import { SCHEMA_LIST_PAGE } from '../reference/schema-list-pages.ts';
import { getSnippets } from '../reference/index.node.ts';
import { overviewTwin, schemaListTwin, tagPageTwin, type ApiTwinUrls } from './api-twins.ts';
import { buildAiData } from './build-data.ts';
import { twinUrlOf } from './twin-url.ts';

const USERS = TAG_PAGE_SIZE * 2 + 7; // three pages
const MAIL = 12; // together past OVERVIEW_OPERATIONS_LIMIT, as USERS alone is
const SCHEMAS = SCHEMA_LIST_PAGE + 205; // two pages

/** A spec of USERS + MAIL operations in two tags and SCHEMAS named schemas. */
function bigApi(): ApiModel {
  const paths: Record<string, object> = {};
  const op = (tag: string, i: number) => ({
    operationId: `${tag.toLowerCase()}Op${i}`,
    summary: `${tag} operation ${i}`,
    tags: [tag],
    ...(i === 3 ? { deprecated: true } : {}),
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Thing${i % SCHEMAS}` } } } } },
  });
  for (let i = 0; i < USERS; i++) paths[`/users/${i}`] = { get: op('Users', i) };
  for (let i = 0; i < MAIL; i++) paths[`/mail/${i}`] = { post: op('Mail', i) };
  const schemas = Object.fromEntries(Array.from({ length: SCHEMAS }, (_, i) => [`Thing${i}`, { type: 'object', description: `Thing number ${i}.`, properties: { id: { type: 'string' } } }]));
  const doc = {
    openapi: '3.1.0',
    info: { title: 'Big API', version: '1.0' },
    servers: [{ url: 'https://big.example.com' }],
    tags: [{ name: 'Users', description: 'People in the **directory**.' }, { name: 'Mail' }],
    paths,
    components: { schemas },
  } as unknown as OpenApiDocument;
  return fromDocument(doc, { id: 'big', file: 'openapi/big.yaml' });
}

const api = bigApi();
const urls = createReferenceUrls('/');
const slugs = schemaSlugs(Object.keys(api.schemas));
const twinUrls: ApiTwinUrls = {
  overview: '/reference/big.md',
  operation: (slug) => twinUrlOf(urls.operation('big', slug)),
  schema: (name) => twinUrlOf(urls.schema('big', slugs[name])),
  schemas: (page = 1) => twinUrlOf(schemaListHref(urls, 'big', page)),
  tag: (path) => twinUrlOf(urls.tag('big', path)),
  llmsTxt: '/reference/big/llms.txt',
};
/** `- [label](url): \`METHOD /path\`` lines of a twin, as [url, method + path]. */
const operationLines = (markdown: string) => [...markdown.matchAll(/^- \[[^\]]+\]\((\/reference\/big\/[^)]+\.md)\): `([A-Z]+ [^`]+)`/gm)].map((m) => [m[1], m[2]]);

describe('twins of a big API (generated spec)', () => {
  it('is past both limits', () => {
    expect(api.operations.length).toBeGreaterThan(OVERVIEW_OPERATIONS_LIMIT);
    expect(Object.keys(api.schemas).length).toBeGreaterThan(SCHEMA_LIST_PAGE);
  });

  it('a group page twin lists its slice of operations, each linking its operation twin, and links the other pages', () => {
    const pages = tagPages(api).filter((p) => p.tag === 'Users');
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    const bySlug = new Map(api.operations.map((o) => [o.slug, o]));
    for (const page of pages) {
      const markdown = tagPageTwin(api, page, twinUrls);
      expect(markdown.split('\n')[0]).toBe(`# Users (${page.page} of 3)`);
      expect(markdown).toContain(`Operations ${page.from + 1}–${page.from + page.operations.length} of ${USERS} in the Users group of the Big API`);
      // Exactly the page's operations, in order, each with its own twin and method + path.
      expect(operationLines(markdown)).toEqual(page.operations.map((slug) => [twinUrls.operation(slug), `${bySlug.get(slug)!.method.toUpperCase()} ${bySlug.get(slug)!.path}`]));
      for (const n of [1, 2, 3]) {
        if (n === page.page) expect(markdown).toContain(`- Page ${n} (this page)`);
        else expect(markdown).toContain(`- [Page ${n}](/reference/big/tags/users${n === 1 ? '' : `/${n}`}.md)`);
      }
    }
    const first = tagPageTwin(api, pages[0], twinUrls);
    expect(first).toContain('People in the **directory**.');
    expect(first).toContain('- [Users operation 0](/reference/big/users-op0.md): `GET /users/0`');
    expect(first).toContain('- [Users operation 3](/reference/big/users-op3.md): `GET /users/3` (deprecated)');
    expect(tagPageTwin(api, pages[1], twinUrls)).not.toContain('directory');
  });

  it('the overview twin lists the groups with their counts and group twins, not every operation', () => {
    const markdown = overviewTwin(api, twinUrls);
    expect(markdown).toContain(`- [Users](/reference/big/tags/users.md): ${USERS} operations. People in the directory.`);
    expect(markdown).toContain(`- [Mail](/reference/big/tags/mail.md): ${MAIL} operations`);
    expect(operationLines(markdown)).toEqual([]);
    expect(markdown).toContain('All named schemas: /reference/big/schemas.md');
  });

  it('each page of the schema list twins its slice, linking each schema twin', () => {
    const pages = sortedSchemaListPages(Object.keys(api.schemas));
    expect(pages.map((p) => p.length)).toEqual([SCHEMA_LIST_PAGE, SCHEMAS - SCHEMA_LIST_PAGE]);
    for (const [i, names] of pages.entries()) {
      const markdown = schemaListTwin(api, twinUrls, i + 1, pages);
      const listed = [...markdown.matchAll(/^- \[([^\]]+)\]\((\/reference\/big\/schemas\/[^)]+\.md)\): (.+)$/gm)];
      expect(listed.map((m) => m[1])).toEqual(names);
      expect(listed.map((m) => m[2])).toEqual(names.map((n) => twinUrls.schema(n)));
      expect(listed.map((m) => m[3])).toEqual(names.map((n) => `Thing number ${n.slice('Thing'.length)}.`));
      const from = i * SCHEMA_LIST_PAGE + 1;
      expect(markdown).toContain(`${SCHEMAS} schemas of the Big API: ${from}–${from + names.length - 1} on this page.`);
      expect(markdown).toContain(i === 0 ? '- [Page 2](/reference/big/schemas/~2.md)' : '- [Page 1](/reference/big/schemas.md)');
    }
    expect(schemaListTwin(api, twinUrls, 2, pages).split('\n')[0]).toBe('# Big API schemas (2 of 2)');
    expect(() => schemaListTwin(api, twinUrls, 3, pages)).toThrow('openapi/big.yaml: no page 3 of its schema list (2 pages).');
  });

  it('buildAiData gives every group page and schema list page a twin at its HTML URL, and keeps group pages out of search', () => {
    const data = buildAiData({ site: { title: 'Docs' }, siteUrl: 'https://docs.example.com', guides: [], groups: [], apis: [api], versions: new Map(), snippets: getSnippets() });
    const byUrl = new Map(data.twins.map((t) => [t.url, t]));
    const tagPaths = tagPages(api).map((p) => urls.tag('big', tagPagePath(p.slug, p.page)));
    const listPaths = sortedSchemaListPages(Object.keys(api.schemas)).map((_, i) => schemaListHref(urls, 'big', i + 1));
    expect(tagPaths).toHaveLength(Math.ceil(USERS / TAG_PAGE_SIZE) + Math.ceil(MAIL / TAG_PAGE_SIZE));
    for (const page of [...tagPaths, ...listPaths]) {
      const twin = byUrl.get(twinUrlOf(page));
      expect(twin, page).toBeDefined();
      expect(twin!.page).toBe(page);
    }
    expect(data.twins.filter((t) => t.kind === 'tag').map((t) => t.page)).toEqual(tagPaths);
    // Every operation twin a group page links exists.
    for (const twin of data.twins.filter((t) => t.kind === 'tag' || t.kind === 'overview')) {
      for (const [url] of operationLines(twin.markdown)) expect(byUrl.has(url), url).toBe(true);
    }
    const indexed = new Set(Object.keys((data.search as { documentIds: Record<string, number> }).documentIds).map((k) => (data.search as { documentIds: Record<string, number> }).documentIds[k]));
    data.twins.forEach((t, id) => expect(indexed.has(id), `${t.url} in search`).toBe(t.kind !== 'tag'));
  }, 60_000);
});
