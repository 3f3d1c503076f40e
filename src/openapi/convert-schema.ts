import type { JsonSchema } from './types.ts';
import { schemaRefName } from './schema.ts';
import { isObject } from './is-object.ts';

type Json = Record<string, unknown>;

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
const SUBSCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'] as const;
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'] as const;

export interface SchemaContext {
  /** True for OpenAPI 3.0 documents: `nullable`, boolean `exclusiveMinimum`, ... are rewritten. */
  legacy: boolean;
  /**
   * Called for a `$ref` that does not point at a named component schema
   * (e.g. `#/paths/.../schema`); returns the pointer to use instead.
   */
  hoist: (ref: string) => string;
}

/**
 * Copies a schema into 2020-12 form. `$ref`s to named schemas are kept as they are, so a
 * circular schema stays finite. Works on a copy: the source document is never mutated.
 */
export function convertSchema(input: unknown, ctx: SchemaContext, depth = 0): JsonSchema {
  if (input === true || input === undefined || input === null) return {};
  if (input === false) return { not: {} };
  if (typeof input !== 'object' || depth > 200) return {};
  const source = input as Json;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if ((SUBSCHEMA_MAPS as readonly string[]).includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertSchema(v, ctx, depth + 1)]));
    } else if ((SUBSCHEMA_LISTS as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = value.map((v) => convertSchema(v, ctx, depth + 1));
    } else if ((SUBSCHEMA_SINGLE as readonly string[]).includes(key) && typeof value !== 'boolean') {
      out[key] = Array.isArray(value) ? { prefixItems: value.map((v) => convertSchema(v, ctx, depth + 1)) } : convertSchema(value, ctx, depth + 1);
    } else if (key === '$ref' && typeof value === 'string') {
      out.$ref = schemaRefName(value) === undefined ? ctx.hoist(value) : value;
    } else {
      out[key] = value;
    }
  }
  return ctx.legacy ? fromOpenApi30(out) : out;
}

/** OpenAPI 3.0's JSON Schema dialect → 2020-12. */
function fromOpenApi30(schema: JsonSchema): JsonSchema {
  const { nullable, ...rest } = schema;
  if (rest.exclusiveMinimum === (true as unknown)) [rest.exclusiveMinimum, rest.minimum] = [rest.minimum, undefined];
  if (rest.exclusiveMaximum === (true as unknown)) [rest.exclusiveMaximum, rest.maximum] = [rest.maximum, undefined];
  if (rest.exclusiveMinimum === (false as unknown)) delete rest.exclusiveMinimum;
  if (rest.exclusiveMaximum === (false as unknown)) delete rest.exclusiveMaximum;
  if (rest.format === 'byte' && rest.type === 'string') rest.contentEncoding = 'base64';
  if (nullable !== true) return rest;
  if (typeof rest.type === 'string') {
    rest.type = [rest.type, 'null'];
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) rest.enum = [...rest.enum, null];
    return rest;
  }
  if (rest.$ref === undefined && !rest.allOf && !rest.oneOf && !rest.anyOf) return rest;
  return { anyOf: [rest, { type: 'null' }], description: rest.description };
}

