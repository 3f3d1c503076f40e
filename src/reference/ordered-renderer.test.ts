import { describe, expect, it } from 'vitest';
import { createSchemaRenderer } from './schema-html.ts';
import { renderInOrder } from './ordered-renderer.ts';
import type { JsonSchema } from '../openapi/index.ts';

const schemas = { Pet: { type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } }, Tag: { type: 'object', properties: { id: { type: 'integer' } } } } as Record<string, JsonSchema>;
const a: JsonSchema = { $ref: '#/components/schemas/Pet' };
// Both have a `name` field under the same anchor: whichever renders second gets `x.name~2`.
const b: JsonSchema = { type: 'object', properties: { name: { type: 'string' }, pet: { $ref: '#/components/schemas/Pet' } } };
const fresh = () => createSchemaRenderer({ schemas, schemaHref: (n) => `/s/${n}/`, idPrefix: 'x' });

describe('renderInOrder', () => {
  it('gives each schema the same HTML whatever order the children ask in', () => {
    const order = [{ schema: a, mode: 'request' as const }, { schema: b, mode: 'response' as const }];
    const first = renderInOrder(fresh(), order);
    const second = renderInOrder(fresh(), order);
    const asked = [first.render(a, 'request'), first.render(b, 'response')];
    const askedBackwards = [second.render(b, 'response'), second.render(a, 'request')].reverse();
    expect(askedBackwards).toEqual(asked);
    // Without it, the order of the calls shows in the ids.
    const plain = fresh();
    const backwards = [plain.render(b, 'response'), plain.render(a, 'request')].reverse();
    expect(backwards).not.toEqual(asked);
  });

  it('renders a schema met twice live, so ids stay unique', () => {
    const ordered = renderInOrder(fresh(), [{ schema: a, mode: 'request' }, { schema: a, mode: 'request' }]);
    expect(ordered.render(a, 'request')).not.toEqual(ordered.render(a, 'request'));
  });

  it('renders one schema under two anchors once each, with each anchor in its field ids', () => {
    const order = [{ schema: a, mode: 'request' as const, anchor: 'body' }, { schema: a, mode: 'response' as const, anchor: 'response-200' }];
    const ordered = renderInOrder(fresh(), order);
    const response = ordered.render(a, 'response', 'response-200');
    const request = ordered.render(a, 'request', 'body');
    expect(request).toContain('id="body.name"');
    expect(response).toContain('id="response-200.name"');
    expect(ordered.render(a, 'request', 'body')).toBe(request);
  });
});
