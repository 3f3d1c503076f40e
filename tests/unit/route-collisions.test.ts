// URLs built from a spec (API ids, operation slugs, schema slugs) never land on a fixed route.
// Astro keeps the fixed one and drops the other page with only a warning, so an operationId
// `schemas` once lost its page to the schema index. Checked on the real route table.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromDocument, type OpenApiDocument } from '../../src/openapi/index.ts';
import { RESERVED_OPERATION_SLUGS } from '../../src/openapi/slug.ts';
import { createReferenceUrls } from '../../src/reference/index.ts';

const PAGES = resolve(import.meta.dirname, '../../src/pages');
/** What an API id, an operation slug and a schema slug can look like (src/openapi/slug.ts, apiId). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Clash {
  folder: string;
  fixed: string;
  dynamic: string;
}

/** Fixed names a sibling `[param]…` route could also produce, folder by folder. */
function clashes(dir: string, rel = ''): Clash[] {
  const entries = readdirSync(dir).filter((name) => !name.startsWith('_'));
  const route = (name: string) => (statSync(join(dir, name)).isDirectory() ? name : name.replace(/\.(astro|ts|md|mdx)$/, ''));
  const routes = entries.map(route).filter((name) => name !== 'index');
  const found: Clash[] = [];
  for (const dynamic of routes.filter((r) => /^\[[a-z]\w*\]/i.test(r))) {
    const suffix = dynamic.replace(/^\[\w+\]/, '');
    for (const fixed of routes.filter((r) => !r.startsWith('['))) {
      if (fixed.endsWith(suffix) && SLUG.test(fixed.slice(0, fixed.length - suffix.length))) found.push({ folder: `src/pages${rel}`, fixed, dynamic });
    }
  }
  for (const name of entries.filter((n) => statSync(join(dir, n)).isDirectory())) found.push(...clashes(join(dir, name), `${rel}/${name}`));
  return found;
}

describe('route collisions', () => {
  it('a fixed route beside a spec-named one is a name no spec can produce, or a reserved operation slug', () => {
    const found = clashes(PAGES);
    const unreserved = found.filter((c) => !(c.dynamic.startsWith('[operation]') && RESERVED_OPERATION_SLUGS.includes(c.fixed)));
    const advice = (c: Clash) => `${c.folder}: "${c.fixed}" is also a value of ${c.dynamic}; give the fixed route a character no slug has (a dot, as /tryit/ajv.runtime/)`;
    expect(unreserved, unreserved.map(advice).join('\n')).toEqual([]);
    // The schema index is the one reserved name today; the check above must see it.
    expect(found).toContainEqual({ folder: 'src/pages/reference/[api]', fixed: 'schemas', dynamic: '[operation]' });
  });

  it('an operation named like a fixed route gets its own page: operationId `schemas` → /reference/t/schemas-2/', () => {
    const model = fromDocument({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/schemas': { get: { operationId: 'schemas', responses: { '200': { description: 'ok' } } } },
        '/other': { get: { operationId: 'schemas-2', responses: { '200': { description: 'ok' } } } },
      },
    } as unknown as OpenApiDocument, { id: 't', file: 'openapi/t.yaml' });
    const urls = createReferenceUrls('/');
    const pages = [urls.overview('t'), urls.schemas('t'), ...model.operations.map((op) => urls.operation('t', op.slug))];
    expect(model.operations.map((op) => op.slug)).toEqual(['schemas-2', 'schemas-2-2']);
    expect(new Set(pages).size).toBe(pages.length);
  });
});
