import { describe, expect, it } from 'vitest';
import { constraintsOf, displayName, formatValue, searchTitle, typeLabel } from './format.ts';

describe('format', () => {
  it('type labels read like a reader says them', () => {
    expect(typeLabel({ type: 'string', format: 'date-time' })).toBe('string · date-time');
    expect(typeLabel({ type: ['integer', 'null'] })).toBe('integer');
    expect(typeLabel({ type: ['string', 'integer'] })).toBe('string | integer');
    expect(typeLabel({ type: 'array', items: { $ref: '#/components/schemas/Message' } })).toBe('array of Message');
    expect(typeLabel({ type: 'array', items: { type: 'array', items: { type: 'number' } } })).toBe('array of array of number');
    expect(typeLabel({ enum: ['a', 'b'] })).toBe('string');
    expect(typeLabel({ const: 'chat.completion' })).toBe('const "chat.completion"');
    expect(typeLabel({ properties: {} })).toBe('object');
    expect(typeLabel({})).toBe('any');
    expect(typeLabel({ anyOf: [{ type: 'integer' }, { type: 'string', enum: ['now'] }] })).toBe('integer | string');
    expect(typeLabel({ oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] })).toBe('Cat | Dog');
    expect(typeLabel({ type: 'string', contentEncoding: 'base64' })).toBe('string · base64');
  });

  it('constraints: ranges (inclusive and exclusive), lengths, items, pattern', () => {
    expect(constraintsOf({ minimum: 0, maximum: 2 })).toEqual([{ label: 'Range', value: '0 ≤ x ≤ 2' }]);
    expect(constraintsOf({ exclusiveMinimum: 0 })).toEqual([{ label: 'Range', value: '0 < x' }]);
    expect(constraintsOf({ maxLength: 5000 })).toEqual([{ label: 'Length', value: '≤ 5000' }]);
    expect(constraintsOf({ minItems: 1, maxItems: 1 })).toEqual([{ label: 'Items', value: 'exactly 1' }]);
    expect(constraintsOf({ minLength: 0 })).toEqual([]);
    expect(constraintsOf({ pattern: '^a+$' })).toEqual([{ label: 'Pattern', value: '^a+$' }]);
  });

  it('values are JSON, cut when long, never [object Object]', () => {
    expect(formatValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatValue('x'.repeat(100), 10)).toBe('"xxxxxxxx…');
    expect(formatValue(undefined)).toBe('');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('(refers to itself)');
  });

  it('hoisted schema names (~ + pointer) read as where they came from', () => {
    expect(displayName('~/paths/~1v1~1chat/post/requestBody/content/application~1json/schema')).toBe('POST /v1/chat requestBody');
    expect(displayName('~/components/requestBodies/PetBody/content/application~1json/schema')).toBe('PetBody');
    expect(displayName('Pet')).toBe('Pet');
  });

  it('a search result names the API, and the version when the API has several', () => {
    expect(searchTitle('Create a chat completion', { title: 'Melious API' })).toBe('Create a chat completion · Melious API');
    expect(searchTitle('List voice countries', { title: 'Twilio - Pricing', versions: { version: 'v1' } })).toBe('List voice countries · Twilio - Pricing v1');
  });
});
