// The author's samples as tabs: first, in order, labelled, highlighted, noted as checked or
// not; and the spec-wide option that leaves ours out where the author wrote some.
import { describe, expect, it } from 'vitest';
import { fromDocument, type OpenApiDocument } from '../openapi/index.ts';
import { SAMPLE_NOTES, showsGenerated, toSamplePanels } from './snippet-panels.ts';

const spec = (root: object = {}) => fromDocument({
  openapi: '3.1.0', info: { title: 'T', version: '1' }, servers: [{ url: 'https://api.example.com/v1' }], ...root,
  paths: {
    '/a': { get: { responses: { '200': { description: 'ok' } }, 'x-codeSamples': [
      { lang: 'curl', source: "curl 'https://api.example.com/v1/a' -H 'x-key: 1' # <b>" },
      { lang: 'Python', label: 'Python SDK', source: 'import example\nexample.a()' },
      { lang: 'PowerShell', source: 'Invoke-RestMethod https://api.example.com/v1/a' },
    ] } },
    '/b': { get: { responses: { '200': { description: 'ok' } } } },
  },
} as unknown as OpenApiDocument, { id: 't', file: 'openapi/t.yaml' });

describe('author sample panels', () => {
  it('one tab per sample, in order, with label, language, highlighting and note', async () => {
    const api = spec();
    const panels = await toSamplePanels(api, api.operations[0]);
    expect(panels.map((p) => [p.key, p.label, p.language, p.group, p.note])).toEqual([
      ['sample-0', 'cURL', 'shell', 'samples', SAMPLE_NOTES.checked],
      ['sample-1', 'Python SDK', 'python', 'samples', SAMPLE_NOTES.unchecked],
      ['sample-2', 'PowerShell', 'powershell', 'samples', SAMPLE_NOTES.unchecked],
    ]);
    expect(panels[0].html).toContain('--shiki-dark'); // highlighted, both themes
    expect(panels[0].html).toContain('&#x3C;b>'); // as written, escaped, not interpreted
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(text(panels[1].html)).toBe('import example\nexample.a()');
  });

  it('x-snippets.generated: when-no-samples hides ours only where the author wrote samples', () => {
    const always = spec();
    expect(always.operations.map((op) => showsGenerated(always, op))).toEqual([true, true]);
    const own = spec({ 'x-snippets': { generated: 'when-no-samples' } });
    expect(own.operations.map((op) => showsGenerated(own, op))).toEqual([false, true]);
  });
});
