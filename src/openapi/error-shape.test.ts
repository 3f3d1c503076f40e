import { describe, expect, it } from 'vitest';
import type { JsonSchema, Operation } from './types.ts';
import { DEFAULT_ERROR_SHAPE, errorShapeOf, toErrorBody } from './error-shape.ts';

function opWithError(schema: JsonSchema): Operation {
  return {
    slug: 'x', method: 'get', path: '/x', tags: [], deprecated: false, parameters: [], security: [], servers: [], webhook: false,
    responses: [{ status: '400', description: '', headers: [], links: [], content: [{ type: 'application/json', schema, examples: [] }] }],
  };
}

describe('errorShapeOf', () => {
  it('reads an enveloped error object through $refs', () => {
    const api = {
      operations: [opWithError({ $ref: '#/components/schemas/Error' })],
      schemas: {
        Error: { type: 'object', properties: { error: { $ref: '#/components/schemas/Body' } } },
        Body: { type: 'object', properties: { message: { type: 'string' }, type: { type: 'string' }, code: { type: 'string' } } },
      },
    };
    expect(errorShapeOf(api)).toEqual({ envelope: 'error', fields: ['message', 'type', 'code'] });
  });

  it('reads top-level error fields', () => {
    const api = { operations: [opWithError({ type: 'object', properties: { message: {}, status: {} } })], schemas: {} };
    expect(errorShapeOf(api)).toEqual({ envelope: null, fields: ['message', 'status'] });
  });

  it('falls back to {error:{code,message,details}} when no error is documented', () => {
    expect(errorShapeOf({ operations: [], schemas: {} })).toEqual(DEFAULT_ERROR_SHAPE);
  });
});

describe('toErrorBody', () => {
  it('writes code, message and details, plus type and param when the API has them', () => {
    expect(toErrorBody(DEFAULT_ERROR_SHAPE, { code: 'PROXY_X', message: 'm' })).toEqual({ error: { code: 'PROXY_X', message: 'm', details: {} } });
    const openai = { envelope: 'error', fields: ['message', 'type', 'param', 'code'] };
    expect(toErrorBody(openai, { code: 'C', message: 'm', param: 'model', details: { a: 1 } })).toEqual({
      error: { code: 'C', message: 'm', type: 'invalid_request_error', param: 'model', details: { a: 1 } },
    });
  });
});
