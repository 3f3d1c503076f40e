import { describe, expect, it } from 'vitest';
import type { Operation } from '../openapi/index.ts';
import { operationListHtml, tagListHtml } from './operation-list.ts';

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

describe('tagListHtml', () => {
  it('one row per group: link, operation count, the description as one plain capped line, all escaped', () => {
    const html = tagListHtml([
      { name: 'Users <x>', href: '/reference/g/tags/users/', count: 12, description: 'Manage **users**.\n\nA second paragraph left out.' },
      { name: 'me', href: '/reference/g/tags/me/', count: 1 },
    ]);
    expect(html).toBe(
      '<ul class="tags"><li><a href="/reference/g/tags/users/">Users &lt;x&gt;</a><span>12 operations</span><p>Manage users.</p></li>' +
        '<li><a href="/reference/g/tags/me/">me</a><span>1 operation</span></li></ul>',
    );
  });

  it('Microsoft Graph\'s 418 groups, even with long descriptions, fit an overview well under 300 KB', () => {
    const tags = Array.from({ length: 418 }, (_, i) => ({ name: `identityGovernance.entitlementManagement.${i}`, href: `/reference/graph/tags/identity-governance-entitlement-management-${i}/`, count: 120, description: 'word '.repeat(200) }));
    expect(tagListHtml(tags).length).toBeLessThan(150 * 1024);
  });
});
