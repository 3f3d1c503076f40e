import { describe, expect, it } from 'vitest';
import { toDataFile, twinFile } from './data-file.ts';
import type { AiData } from './types.ts';

const data: AiData = {
  version: 1,
  site: { title: 'Docs' },
  twins: [
    { url: '/docs/index.md', page: '/docs/', title: 'Home', section: 'Start', kind: 'guide', markdown: '# Home\n' },
    { url: '/docs/reference/melious/list-models.md', page: '/docs/reference/melious/list-models/', title: 'List models', section: 'Melious', kind: 'operation', api: 'melious', markdown: '# List models\n\n`GET /v1/models`\n' },
  ],
  apis: [],
  operations: [],
  search: { index: 'kept' },
};

describe('the MCP data file', () => {
  it("leaves out the twins' Markdown (each is its own file) and keeps the rest", () => {
    const file = toDataFile(data, '/docs/');
    expect(JSON.stringify(file)).not.toContain('# List models');
    expect(file.twins.map((t) => [t.url, t.title, t.kind])).toEqual(data.twins.map((t) => [t.url, t.title, t.kind]));
    expect(file).toMatchObject({ version: 1, base: '/docs/', search: { index: 'kept' } });
    expect(data.twins[1].markdown).toContain('# List models');
  });

  it("finds a twin's file in the static output under the site's base", () => {
    expect(twinFile(data.twins[1], '/docs/')).toBe('reference/melious/list-models.md');
    expect(twinFile(data.twins[0], '/docs')).toBe('index.md');
    expect(twinFile({ ...data.twins[1], url: '/reference/melious/list-models.md' }, '/')).toBe('reference/melious/list-models.md');
    expect(() => twinFile({ ...data.twins[1], url: '/other/x.md' }, '/docs/')).toThrow('Twin /other/x.md is not under the site\'s base /docs/.');
  });
});
