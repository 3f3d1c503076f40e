import { describe, expect, it } from 'vitest';
import { llmsFullTxt } from './llms-txt.ts';
import type { AiData, OperationEntry, Twin } from './types.ts';

const twin = (url: string, kind: Twin['kind'], api?: string): Twin => ({ url, page: url.replace(/\.md$/, '/'), title: url, section: api ?? 'Start', kind, api, markdown: `# ${url}\n\nbody of ${url}\n` });
const op = (api: string, slug: string): OperationEntry => ({
  api, operationId: slug, slug, method: 'get', path: `/${slug}`, tags: [], deprecated: false, twin: `/reference/${api}/${slug}.md`, parameters: [], streams: false,
});

/** A site with a guide, a small API of 2 operations and a big one of 3 (past a limit of 2). */
const data: AiData = {
  version: 1,
  site: { title: 'Docs' },
  twins: [
    twin('/start/quickstart.md', 'guide'),
    twin('/reference/small.md', 'overview', 'small'), twin('/reference/small/a.md', 'operation', 'small'), twin('/reference/small/b.md', 'operation', 'small'),
    twin('/reference/big.md', 'overview', 'big'), twin('/reference/big/changelog.md', 'changelog', 'big'), twin('/reference/big/tags/t.md', 'tag', 'big'),
    twin('/reference/big/x.md', 'operation', 'big'), twin('/reference/big/y.md', 'operation', 'big'),
    twin('/reference/big/z.md', 'operation', 'big'), twin('/reference/big/schemas/thing.md', 'schema', 'big'),
  ],
  apis: [
    { id: 'small', title: 'Small API', version: '1', keyHeaders: [], twin: '/reference/small.md', llmsTxt: '/reference/small/llms.txt' },
    { id: 'big', title: 'Big API', version: '1', keyHeaders: [], twin: '/reference/big.md', llmsTxt: '/reference/big/llms.txt' },
  ],
  operations: [op('small', 'a'), op('small', 'b'), op('big', 'x'), op('big', 'y'), op('big', 'z')],
  search: {},
};

describe('llms-full.txt', () => {
  const full = llmsFullTxt(data, { site: 'https://docs.example.com', mcp: '/mcp' }, 2);

  it('inlines every twin of an API within the limit, in order', () => {
    for (const url of ['/start/quickstart.md', '/reference/small.md', '/reference/small/a.md', '/reference/small/b.md']) {
      expect(full).toContain(`<!-- https://docs.example.com${url} -->\n# ${url}\n\nbody of ${url}\n`);
    }
    expect(full.indexOf('small/a.md')).toBeLessThan(full.indexOf('small/b.md'));
  });

  it("keeps a big API's overview and changelog and points at its own llms.txt instead of its operations, groups and schemas", () => {
    expect(full).toContain('body of /reference/big.md');
    expect(full).toContain('body of /reference/big/changelog.md');
    expect(full).not.toContain('body of /reference/big/tags/t.md');
    expect(full.match(/too many for this file/g)).toHaveLength(1);
    expect(full).not.toContain('body of /reference/big/x.md');
    expect(full).not.toContain('body of /reference/big/schemas/thing.md');
    expect(full).toContain('Big API has 3 operations, too many for this file: https://docs.example.com/reference/big/llms.txt links the Markdown twin of each');
  });

  it('inlines everything under the default limit', () => {
    const all = llmsFullTxt(data, { site: '', mcp: '/mcp' });
    for (const t of data.twins) expect(all).toContain(t.markdown);
    expect(all.split('\n---\n\n')).toHaveLength(data.twins.length);
  });
});
