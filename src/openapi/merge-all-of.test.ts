import { describe, expect, it } from 'vitest';
import { mergeAllOf } from './merge-all-of.ts';
import type { JsonSchema } from './types.ts';

const schemas: Record<string, JsonSchema> = {
  Pet: { type: 'object', title: 'Pet', required: ['pet_type'], properties: { pet_type: { type: 'string' } }, discriminator: { propertyName: 'pet_type' } },
  Dog: { title: 'Woof', allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { bark: { type: 'boolean' } }, required: ['bark'] }] },
  Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }, { properties: { a: { type: 'string' } } }] },
};

describe('mergeAllOf', () => {
  it('merges properties and required of every part; the outer title wins, parents’ titles do not', () => {
    expect(mergeAllOf(schemas, schemas.Dog)).toEqual({
      type: 'object',
      title: 'Woof',
      required: ['pet_type', 'bark'],
      properties: { pet_type: { type: 'string' }, bark: { type: 'boolean' } },
      discriminator: { propertyName: 'pet_type' },
    });
  });

  it('stops on an allOf cycle instead of recursing forever', () => {
    expect(mergeAllOf(schemas, { $ref: 'x', ...schemas.Loop }, new Set(['#/components/schemas/Loop']))).toEqual({ properties: { a: { type: 'string' } }, $ref: 'x' });
    expect(mergeAllOf(schemas, schemas.Loop).properties).toEqual({ a: { type: 'string' } });
  });

  it('leaves a schema without allOf untouched (same object)', () => {
    const plain = { type: 'string' };
    expect(mergeAllOf(schemas, plain)).toBe(plain);
  });

  it("keeps the outer schema's own keywords over the parts'", () => {
    expect(mergeAllOf(schemas, { description: 'outer', allOf: [{ description: 'inner', type: 'object' }] })).toEqual({ description: 'outer', type: 'object' });
  });
});
