import { describe, expect, it } from 'vitest';
import { sampleValue } from './sample-value.ts';
import type { JsonSchema } from './types.ts';

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const schemas: Record<string, JsonSchema> = {
  Node: { type: 'object', properties: { name: { type: 'string' }, child: ref('Node'), children: { type: 'array', items: ref('Node') } } },
  A: { type: 'object', properties: { b: ref('B') } },
  B: { type: 'object', properties: { a: ref('A'), label: { type: 'string', const: 'b' } } },
  Money: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' }, currency: { type: 'string' } } },
  Pair: { type: 'object', properties: { left: ref('Money'), right: ref('Money') } },
  Image: { type: 'object', properties: { b64_json: { type: 'string', contentEncoding: 'base64', contentMediaType: 'image/png', example: '<base64 PNG>' } } },
};

describe('sampleValue: $ref cycles', () => {
  it('stops a self-reference at its first repeat, in properties and array items alike', () => {
    expect(sampleValue(schemas, ref('Node'))).toEqual({ name: 'string', children: [] });
  });

  it('stops a cycle through two schemas', () => {
    expect(sampleValue(schemas, ref('A'))).toEqual({ b: { label: 'b' } });
  });

  it('only counts the current branch: the same schema twice side by side is no cycle', () => {
    expect(sampleValue(schemas, ref('Pair'), { properties: 'required' })).toEqual({ left: { amount: 0 }, right: { amount: 0 } });
  });

  it('ends on a missing target instead of throwing', () => {
    expect(sampleValue({}, ref('Gone'))).toBeUndefined();
  });
});

describe('sampleValue: which properties', () => {
  it('takes every property by default', () => {
    expect(sampleValue(schemas, ref('Money'))).toEqual({ amount: 0, currency: 'string' });
  });

  it('takes the required ones only when asked', () => {
    expect(sampleValue(schemas, ref('Money'), { properties: 'required' })).toEqual({ amount: 0 });
  });

  it('takes them all when none is required, so the object is not empty', () => {
    const schema: JsonSchema = { type: 'object', properties: { q: { type: 'string' }, n: { type: 'integer', minimum: 2.5 } } };
    expect(sampleValue({}, schema, { properties: 'required' })).toEqual({ q: 'string', n: 3 });
  });
});

describe('sampleValue: documented values first', () => {
  const full: JsonSchema = { type: 'string', const: 'c', example: 'e', examples: ['es'], default: 'd', enum: ['x'] };
  const drop = (schema: JsonSchema, key: string): JsonSchema => Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));

  it('prefers const, then example, examples, default and enum', () => {
    let schema = full;
    const seen: unknown[] = [];
    for (const key of ['const', 'example', 'examples', 'default', 'enum']) {
      seen.push(sampleValue({}, schema));
      schema = drop(schema, key);
    }
    expect(seen).toEqual(['c', 'e', 'es', 'd', 'x']);
    expect(sampleValue({}, schema)).toBe('string');
  });

  it('skips null in an enum unless it is the only value', () => {
    expect(sampleValue({}, { type: ['string', 'null'], enum: [null, 'low', 'high'] })).toBe('low');
    expect(sampleValue({}, { enum: [null] })).toBeNull();
  });

  it('keeps falsy documented values', () => {
    expect(sampleValue({}, { type: 'integer', default: 0 })).toBe(0);
    expect(sampleValue({}, { type: 'boolean', example: false })).toBe(false);
  });
});

describe('sampleValue: combinators', () => {
  it('takes the first oneOf branch', () => {
    expect(sampleValue({}, { oneOf: [{ type: 'string', example: 'first' }, { type: 'integer' }] })).toBe('first');
  });

  it('takes the first anyOf branch that is not null', () => {
    expect(sampleValue({}, { anyOf: [{ type: 'null' }, { type: 'string', format: 'uri' }] })).toBe('https://example.com/resource');
  });

  it('merges the objects of every allOf part', () => {
    const schema: JsonSchema = { allOf: [ref('Money'), { type: 'object', properties: { note: { type: 'string', example: 'hi' } } }] };
    expect(sampleValue(schemas, schema)).toEqual({ amount: 0, currency: 'string', note: 'hi' });
  });
});

describe('sampleValue: base64 content', () => {
  it('asks the hook, with the content media type, even over a placeholder example', () => {
    const asked: Array<string | undefined> = [];
    const value = sampleValue(schemas, ref('Image'), { base64: (type) => (asked.push(type), 'iVBORw0KGgo=') });
    expect(value).toEqual({ b64_json: 'iVBORw0KGgo=' });
    expect(asked).toEqual(['image/png']);
  });

  it('treats the field as any string without a hook', () => {
    expect(sampleValue(schemas, ref('Image'))).toEqual({ b64_json: '<base64 PNG>' });
  });
});

describe('sampleValue: invented scalars', () => {
  it('gives a value of the type, format-aware for strings', () => {
    const types: JsonSchema[] = [
      { type: 'string' }, { type: 'string', format: 'date-time' }, { type: 'string', format: 'email' }, { type: 'string', format: 'uuid' },
      { type: 'integer' }, { type: 'number', minimum: 0.5 }, { type: 'boolean' }, { type: 'null' }, { type: ['string', 'null'] },
    ];
    expect(types.map((s) => sampleValue({}, s))).toEqual([
      'string', '2025-01-01T00:00:00Z', 'user@example.com', '3fa85f64-5717-4562-b3fc-2c963f66afa6', 0, 0.5, false, null, 'string',
    ]);
  });

  it('leaves undocumented scalars out when told not to invent, yet still fills an object', () => {
    const options = { inventScalars: false };
    expect(sampleValue({}, { type: 'string' }, options)).toBeUndefined();
    expect(sampleValue({}, { type: 'string', enum: ['asc'] }, options)).toBe('asc');
    expect(sampleValue({}, { type: 'array', items: { type: 'integer' } }, options)).toEqual([]);
    expect(sampleValue({}, { type: 'array', items: { type: 'integer', example: 7 } }, options)).toEqual([7]);
    expect(sampleValue(schemas, ref('Money'), options)).toEqual({ amount: 0, currency: 'string' });
  });

  it('infers object and array from properties and items when type is missing', () => {
    expect(sampleValue({}, { properties: { tags: { items: { type: 'string' } } } })).toEqual({ tags: ['string'] });
  });
});

describe('sampleValue: depth cap', () => {
  const nested = (levels: number): JsonSchema =>
    levels === 0 ? { type: 'string', example: 'leaf' } : { type: 'object', properties: { next: nested(levels - 1) } };

  it('drops what lies deeper than maxDepth', () => {
    expect(sampleValue({}, nested(3), { maxDepth: 3 })).toEqual({ next: { next: { next: 'leaf' } } });
    expect(sampleValue({}, nested(3), { maxDepth: 2 })).toEqual({ next: { next: {} } });
  });

  it('caps at 8 levels by default', () => {
    expect(JSON.stringify(sampleValue({}, nested(9)))).not.toContain('leaf');
    expect(JSON.stringify(sampleValue({}, nested(8)))).toContain('leaf');
  });
});
