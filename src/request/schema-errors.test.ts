import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../openapi/index.ts';
import { paramsSchema } from './params-schema.ts';
import { describeRequestErrors, describeResponseErrors, mainProblem, type SchemaError } from './schema-errors.ts';

// A real Ajv, so the tests read the errors it really produces.
const ajv = new Ajv2020({ allErrors: true, strict: false });
function errorsOf(schema: object, data: unknown): SchemaError[] {
  const validate = ajv.compile(schema);
  validate(data);
  return (validate.errors ?? []) as SchemaError[];
}

const chat = {
  type: 'object', required: ['model', 'messages'], additionalProperties: false,
  properties: {
    model: { type: 'string', minLength: 1 },
    n: { type: 'integer', minimum: 1 },
    size: { type: 'string', pattern: '^[0-9]+x[0-9]+$' },
    messages: { type: 'array', minItems: 1, items: { type: 'object', required: ['role'], properties: { role: { enum: ['user', 'assistant'] } } } },
    stop: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
};

describe('describeRequestErrors', () => {
  it('says what is wrong, where, in plain words', () => {
    const data = { model: '', n: '2', size: 'big', messages: [{ role: 'robot' }, {}], stop: 3, colour: 'red' };
    const problems = describeRequestErrors(errorsOf(chat, data), data);
    expect(problems.map((p) => `${p.path}: ${p.message}`).sort()).toEqual([
      'colour: is not a field of this request',
      'messages[0].role: must be one of `"user"`, `"assistant"`',
      'messages[1].role: is required',
      'model: must not be empty',
      'n: must be a whole number, not text (`"2"`)',
      'size: must match the pattern `^[0-9]+x[0-9]+$`',
      'stop: must match one of the allowed shapes',
    ]);
    expect(problems.find((p) => p.path === 'messages[1].role')?.pointer).toBe('/messages/1/role');
  });

  it('reports the missing required field at its own path', () => {
    const problems = describeRequestErrors(errorsOf(chat, { model: 'm' }), { model: 'm' });
    expect(problems).toEqual([{ pointer: '/messages', path: 'messages', message: 'is required' }]);
  });
});

describe('describeResponseErrors', () => {
  it('names the fields the API left out or typed differently', () => {
    const schema = {
      type: 'object', required: ['id', 'usage'],
      properties: { id: { type: 'string' }, usage: { type: 'object', required: ['total_tokens'], properties: { total_tokens: { type: 'integer' }, prompt_tokens: { type: 'integer' } } } },
    };
    const data = { id: 7, usage: { prompt_tokens: 1.5 } };
    expect(describeResponseErrors(errorsOf(schema, data), data).map((p) => p.message).sort()).toEqual([
      'field `id` is a whole number (7), documented as text',
      'field `usage.prompt_tokens` is a number (1.5), documented as a whole number',
      'field `usage.total_tokens` missing',
    ]);
  });
});

describe('mainProblem (the sandbox answers a whole request with one)', () => {
  const ajv = new Ajv2020({ strict: false, logger: false });
  const schema = {
    type: 'object',
    properties: {
      messages: {
        type: 'array',
        items: { oneOf: [
          { type: 'object', required: ['role'], properties: { role: { enum: ['system'] }, content: { type: 'string' } } },
          { type: 'object', required: ['role'], properties: { role: { enum: ['user', 'assistant'] }, content: { type: 'string' } } },
        ] },
      },
    },
    required: ['messages'],
  };
  const validate = ajv.compile(schema);

  it('picks the deepest error and merges the allowed values of every branch', () => {
    const data = { messages: [{ role: 'wizard', content: 'hi' }] };
    expect(validate(data)).toBe(false);
    expect(mainProblem(validate.errors!, data)).toEqual({ pointer: '/messages/0/role', path: 'messages[0].role', message: 'must be one of `"system"`, `"user"`, `"assistant"`' });
  });

  it('words a missing field and a parameter the same way the console does', () => {
    expect(validate({})).toBe(false);
    expect(mainProblem(validate.errors!, {})).toMatchObject({ pointer: '/messages', message: 'is required' });
    const params = ajv.compile(paramsSchema({ parameters: [{ in: 'query', name: 'limit', required: true, schema: { type: 'integer' } }] } as unknown as Operation));
    expect(params({ 'query:limit': 'ten' })).toBe(false);
    expect(mainProblem(params.errors!, { 'query:limit': 'ten' })).toEqual({ pointer: '/query:limit', path: 'query:limit', message: 'must be a whole number, not text (`"ten"`)' });
  });
});
