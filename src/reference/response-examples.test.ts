import { describe, expect, it } from 'vitest';
import type { Operation } from '../openapi/index.ts';
import { responseExamples, splitEventStream } from './response-examples.ts';

const op = (responses: Operation['responses']): Operation => ({
  slug: 'x', method: 'post', path: '/x', tags: [], deprecated: false, parameters: [], responses, security: [], servers: [], webhook: false,
});

describe('response examples', () => {
  it('one tab per status and media type: documented example, else one built from the schema', () => {
    const examples = responseExamples(op([
      { status: '200', description: 'The completion. More text.', headers: [], links: [], content: [
        { type: 'application/json', schema: { type: 'object', properties: { id: { type: 'string', example: 'c-1' } } }, examples: [] },
        { type: 'text/event-stream', examples: [{ name: 'default', value: 'data: {"a":1}\n\nevent: done\ndata: [DONE]\n\n' }] },
      ] },
      { status: '401', description: 'No key.', headers: [], links: [], content: [{ type: 'application/json', examples: [{ name: 'default', value: { error: 'no key' } }] }] },
      { status: '204', description: 'Deleted.', headers: [], links: [], content: [] },
      { status: '200', description: 'x', headers: [], links: [], content: [{ type: 'image/png', examples: [] }] },
    ]), {});
    expect(examples.map((e) => e.label)).toEqual(['200 · json', '200 · text/event-stream', '401', '204', '200']);
    expect(examples[0]).toMatchObject({ key: '200-application-json', summary: 'The completion.' });
    expect(examples[0].examples[0].generated).toBe(true);
    expect(examples[0].examples[0].html).toContain('<span class="j-s">&quot;c-1&quot;</span>');
    expect(examples[1].examples[0].events).toEqual([
      { html: '{<span class="j-k">&quot;a&quot;</span>:<span class="j-n">1</span>}' },
      { event: 'done', html: '[DONE]' },
    ]);
    expect(examples[2]).toMatchObject({ statusClass: 's4', examples: [{ generated: false }] });
    expect(examples[3].note).toBe('No body.');
    expect(examples[4].note).toBe('Binary body (image/png).');
    expect(new Set(examples.map((e) => e.key)).size).toBe(5);
  });

  it('splits an event stream into events, CRLF and multi-line data included', () => {
    expect(splitEventStream('event: a\r\ndata: x\r\ndata: y\r\n\r\n: comment\n\n')).toEqual([{ event: 'a', html: 'x\ny' }]);
  });
});
