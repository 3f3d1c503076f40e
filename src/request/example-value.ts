import type { JsonSchema, MediaType, Parameter } from '../openapi/index.ts';
import { resolveSchema, schemaTypes } from '../openapi/index.ts';
import type { JsonValue } from './types.ts';

const MAX_DEPTH = 6;

/** The value a snippet shows for a media type: its first example, else one built from the schema. */
export function exampleOfMedia(schemas: Record<string, JsonSchema>, media: MediaType): JsonValue | undefined {
  if (media.examples.length > 0) return media.examples[0].value as JsonValue;
  return media.schema ? exampleFromSchema(schemas, media.schema) : undefined;
}

export function exampleOfParameter(schemas: Record<string, JsonSchema>, param: Parameter): JsonValue | undefined {
  if (param.examples.length > 0) return param.examples[0].value as JsonValue;
  // A made-up `string` is worse than a placeholder the reader sees they must fill in.
  return exampleFromSchema(schemas, param.schema, 0, false);
}

/**
 * A plausible value from a schema: its example, default, const or first enum value, else
 * a value of its type. Objects get their required properties only (all of them when none
 * is required), so a built body stays as small as the spec allows.
 */
export function exampleFromSchema(schemas: Record<string, JsonSchema>, raw: JsonSchema, depth = 0, typed = true): JsonValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const schema = resolveSchema(schemas, raw);
  if (schema.example !== undefined) return schema.example as JsonValue;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0] as JsonValue;
  if (schema.default !== undefined) return schema.default as JsonValue;
  if (schema.const !== undefined) return schema.const as JsonValue;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as JsonValue;
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return exampleFromSchema(schemas, alternative, depth + 1, typed);
  if (schema.allOf) {
    const merged: Record<string, JsonValue> = {};
    for (const part of schema.allOf) {
      const value = exampleFromSchema(schemas, part, depth + 1);
      if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const types = schemaTypes(schema).filter((t) => t !== 'null');
  const type = types[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  if (!typed && type !== 'object' && type !== 'array') return undefined;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = schema.required ?? [];
      const names = required.length > 0 ? required : Object.keys(properties);
      const value: Record<string, JsonValue> = {};
      for (const name of names) {
        const property = properties[name];
        const example = property ? exampleFromSchema(schemas, property, depth + 1) : undefined;
        if (example !== undefined) value[name] = example;
      }
      return value;
    }
    case 'array': {
      const item = schema.items ? exampleFromSchema(schemas, schema.items, depth + 1, typed) : undefined;
      return item === undefined ? [] : [item];
    }
    case 'string':
      return schema.format === 'date-time' ? '2025-01-01T00:00:00Z' : 'string';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return undefined;
  }
}
