import { describe, expect, it } from 'vitest';
import type { Operation } from '../openapi/index.ts';
import { operationListHtml } from './operation-list.ts';

const op = (over: Partial<Operation>): Operation => ({
  slug: 'get-a', method: 'get', path: '/a', tags: [], deprecated: false, parameters: [], responses: [], security: [], servers: [], webhook: false, ...over,
});

describe('operationListHtml', () => {
  it('one lean row per operation: method, link, path under a summary, deprecation, all escaped', () => {
    const html = operationListHtml([op({ summary: 'List <a>' }), op({ slug: 'del', method: 'delete', path: '/a/{id}', deprecated: true })], (s) => `/r/x/${s}/`);
    expect(html).toBe(
      '<ul class="ops"><li><b class="m-get">GET</b><a href="/r/x/get-a/">List &lt;a&gt;</a><code>/a</code></li>' +
        '<li><b class="m-delete">DELETE</b><a href="/r/x/del/">/a/{id}</a><i>deprecated</i></li></ul>',
    );
  });

  it('stays under 200 bytes a row, so 845 operations fit a page', () => {
    const ops = Array.from({ length: 845 }, (_, i) => op({ slug: `repos-get-thing-${i}`, summary: 'Get a repository thing', path: '/repos/{owner}/{repo}/things/{id}' }));
    expect(operationListHtml(ops, (s) => `/reference/github/${s}/`).length / 845).toBeLessThan(200);
  });
});
