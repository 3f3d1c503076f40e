import { describe, expect, it } from 'vitest';
import type { ApiModel, Operation } from '../openapi/index.ts';
import { bodyFields, paramFields } from './form-fields.ts';

const api = {
  id: 't', schemas: { Fmt: { type: 'string', enum: ['json', 'text'] } },
} as unknown as ApiModel;

function op(partial: Partial<Operation>): Operation {
  return { slug: 'x', method: 'post', path: '/x', tags: [], deprecated: false, parameters: [], responses: [], security: [], servers: [], webhook: false, ...partial };
}

describe('paramFields', () => {
  it('types each parameter: enums as selects, booleans as toggles, numbers with bounds, arrays as lists', () => {
    const fields = paramFields(api, op({
      parameters: [
        { name: 'id', in: 'path', required: true, deprecated: false, schema: { type: 'string' }, examples: [], description: 'The model ID. Long text.' },
        { name: 'order', in: 'query', required: false, deprecated: false, schema: { $ref: '#/components/schemas/Fmt' }, examples: [], description: 'Sort order, e.g. `json`. More text.' },
        { name: 'meta', in: 'query', required: false, deprecated: false, schema: { type: 'boolean' }, examples: [] },
        { name: 'limit', in: 'query', required: false, deprecated: false, schema: { type: 'integer', minimum: 1, maximum: 100 }, examples: [] },
        { name: 'ids', in: 'query', required: false, deprecated: false, schema: { type: 'array', items: { type: 'integer' } }, examples: [], explode: false },
        { name: 'session', in: 'cookie', required: false, deprecated: false, schema: { type: 'string' }, examples: [] },
      ],
    }));
    expect(fields).toEqual([
      { id: 'path:id', name: 'id', in: 'path', required: true, control: 'text', description: 'The model ID.' },
      { id: 'query:order', name: 'order', in: 'query', required: false, control: 'select', options: ['json', 'text'], description: 'Sort order, e.g. `json`.' },
      { id: 'query:meta', name: 'meta', in: 'query', required: false, control: 'toggle' },
      { id: 'query:limit', name: 'limit', in: 'query', required: false, control: 'integer', min: 1, max: 100 },
      { id: 'query:ids', name: 'ids', in: 'query', required: false, control: 'list', item: 'integer', joined: true },
    ]);
  });
});

describe('bodyFields', () => {
  it('gives a form for a flat JSON body and none for a nested one', () => {
    const flat = op({ requestBody: { required: true, content: [{ type: 'application/json', examples: [], schema: { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string' }, n: { type: 'integer', minimum: 1 }, size: { type: ['string', 'null'] } } } }] } });
    expect(bodyFields(api, flat, 'application/json')?.map((f) => [f.name, f.control, f.required])).toEqual([['prompt', 'text', true], ['n', 'integer', false], ['size', 'text', false]]);
    const nested = op({ requestBody: { required: true, content: [{ type: 'application/json', examples: [], schema: { type: 'object', properties: { messages: { type: 'array', items: { type: 'object' } } } } }] } });
    expect(bodyFields(api, nested, 'application/json')).toBeUndefined();
  });

  it('gives file inputs for binary multipart fields', () => {
    const upload = op({ requestBody: { required: true, content: [{ type: 'multipart/form-data', examples: [], schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', contentMediaType: 'audio/mpeg' }, response_format: { $ref: '#/components/schemas/Fmt' } } } }] } });
    expect(bodyFields(api, upload, 'multipart/form-data')).toEqual([
      { id: 'body:file', name: 'file', in: 'body', required: true, control: 'file', accept: 'audio/mpeg' },
      { id: 'body:response_format', name: 'response_format', in: 'body', required: false, control: 'select', options: ['json', 'text'] },
    ]);
  });
});
