import { describe, expect, it } from 'vitest';
import { guideTwin, type GuideContext } from './guide-twin.ts';
import type { SnippetVariant } from '../snippets/index.ts';

const curl: SnippetVariant = { key: 'http.sh', language: { id: 'shell', label: 'cURL', grammar: 'shellscript', extension: 'sh' }, label: 'cURL', code: "curl 'https://x/v1/models'" };
const py: SnippetVariant = { key: 'http.py', language: { id: 'python', label: 'Python', grammar: 'python', extension: 'py' }, label: 'Python', code: 'import requests' };

const ctx: GuideContext = {
  site: 'https://docs.example.com',
  twinOf: (href) => {
    const [path, hash] = href.split('#');
    return path.startsWith('/') && path.endsWith('/') ? `${path.slice(0, -1)}.md${hash ? `#${hash}` : ''}` : undefined;
  },
  operation: (api, id) => {
    if (id !== 'listModels') throw new Error(`No operation "${id}" in openapi/${api}.yaml.`);
    return { title: 'List models', line: 'GET /v1/models', twin: `/reference/${api}/list-models.md`, samples: [curl, py] };
  },
  schema: (api, name) => ({ title: name, twin: `/reference/${api}/schemas/${name.toLowerCase()}.md` }),
  snippet: (name, values) => ({ title: `Snippet ${name} ${JSON.stringify(values)}`, variants: [curl, py] }),
};

const twin = (body: string) => guideTwin({ id: 'guides/x', file: 'docs/guides/x.mdx', title: 'X', description: 'About X.', body }, ctx);

describe('guideTwin', () => {
  it('starts with the title and the description, drops imports and exports', () => {
    const md = twin("import { Aside } from '@astrojs/starlight/components';\nexport const a = 1;\n\nHello **world**.\n");
    expect(md).toBe('# X\n\n> About X.\n\nHello **world**.\n');
  });

  it('turns Starlight components into Markdown', () => {
    const md = twin('<Aside type="caution" title="Careful">\nKeys are secret.\n</Aside>\n\n<Tabs>\n<TabItem label="Python">\n\n```py\nprint(1)\n```\n\n</TabItem>\n</Tabs>\n\n<LinkCard title="Quickstart" href="/start/quickstart/" description="First request." />\n<LinkCard title="Auth" href="/start/auth/" />\n');
    expect(md).toContain('> **Careful:**\n>\n> Keys are secret.');
    expect(md).toContain('**Python**\n\n```py\nprint(1)\n```');
    expect(md).toContain('- [Quickstart](/start/quickstart.md): First request.\n- [Auth](/start/auth.md)');
  });

  it('links internal pages to their twins and keeps external links', () => {
    expect(twin('See [the quickstart](/start/quickstart/#step-2) and [MDN](https://developer.mozilla.org/).')).toContain(
      '[the quickstart](/start/quickstart.md#step-2) and [MDN](https://developer.mozilla.org/)',
    );
  });

  it('writes operations, schemas and snippets from the same data as the page', () => {
    const md = twin('<Operation api="melious" id="listModels" />\n\n<Schema api="melious" name="Model" />\n\n<Snippet name="melious.models" model="glm" />\n');
    expect(md).toContain('[List models](/reference/melious/list-models.md) — GET /v1/models');
    expect(md).toContain("cURL:\n\n```sh\ncurl 'https://x/v1/models'\n```");
    expect(md).toContain('[Schema Model](/reference/melious/schemas/model.md)');
    expect(md).toContain('Snippet melious.models {"model":"glm"}:');
    expect(md).toContain('Python:\n\n```python\nimport requests\n```');
  });

  it('fills ${site} in Code blocks, keeps escaped placeholders, and says when a block is built by code', () => {
    const md = twin('<Code lang="json" code={`{"url": "${site}/mcp", "key": "\\${KEY}"}`} />\n\n<table>{rows.map((r) => <tr>{r}</tr>)}</table>\n');
    expect(md).toContain('```json\n{"url": "https://docs.example.com/mcp", "key": "${KEY}"}\n```');
    expect(md).toContain('*(A table generated when the site is built; see <https://docs.example.com/guides/x/>.)*');
  });

  it('names the file and line of a component it cannot write', () => {
    expect(() => twin('Text\n\n<Operation api="melious" />\n')).toThrow('docs/guides/x.mdx:3: <Operation> needs a id attribute (a string) for the Markdown twin.');
    expect(() => twin('<Operation api="melious" id="nope" />\n')).toThrow('No operation "nope" in openapi/melious.yaml.');
  });
});
