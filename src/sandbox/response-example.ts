import { resolveSchema, schemaTypes, type JsonSchema, type MediaType } from '../openapi/index.ts';
import { isBase64Image, sampleBase64 } from './binary.ts';

type Schemas = Record<string, JsonSchema>;
const MAX_DEPTH = 8;

/** The documented example (by name when asked and present, else the first), or one built from the schema. */
export function exampleValue(schemas: Schemas, media: MediaType, name?: string): unknown {
  const chosen = (name === undefined ? undefined : media.examples.find((e) => e.name === name)) ?? media.examples[0];
  if (chosen !== undefined) return structuredClone(chosen.value);
  return media.schema ? generateValue(schemas, media.schema) : undefined;
}

/**
 * A response-like value from a schema: every property (a response shows all it has),
 * examples/defaults/enums first, one array item, base64 fields holding a real PNG.
 * `$ref` cycles stop at the first repeat on a branch.
 */
export function generateValue(schemas: Schemas, raw: JsonSchema, depth = 0, seen: readonly string[] = []): unknown {
  if (depth > MAX_DEPTH || (raw.$ref !== undefined && seen.includes(raw.$ref))) return undefined;
  const trail = raw.$ref === undefined ? seen : [...seen, raw.$ref];
  const schema = resolveSchema(schemas, raw);
  if (schema.contentEncoding === 'base64') return sampleBase64(schema.contentMediaType);
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.find((s) => resolveSchema(schemas, s).type !== 'null');
  if (alternative) return generateValue(schemas, alternative, depth + 1, trail);
  if (schema.allOf) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) {
      const value = generateValue(schemas, part, depth + 1, trail);
      if (isObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const type = schemaTypes(schema).find((t) => t !== 'null') ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const value = generateValue(schemas, property, depth + 1, trail);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'array': {
      const item = schema.items ? generateValue(schemas, schema.items, depth + 1, trail) : undefined;
      return item === undefined ? [] : [item];
    }
    case 'string':
      return stringFor(schema);
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 1;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return schemaTypes(schema).includes('null') ? null : undefined;
  }
}

function stringFor(schema: JsonSchema): string {
  switch (schema.format) {
    case 'date-time':
      return '2025-01-01T00:00:00Z';
    case 'date':
      return '2025-01-01';
    case 'uri':
    case 'url':
      return 'https://example.com/resource';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    default:
      return 'string';
  }
}

/**
 * Puts a real image where the schema says a string is base64 (`contentEncoding`) and the
 * documented example holds a placeholder such as `<base64 PNG data>`.
 */
export function withRealBase64(schemas: Schemas, raw: JsonSchema | undefined, value: unknown, depth = 0): unknown {
  if (raw === undefined || depth > MAX_DEPTH) return value;
  const schema = resolveSchema(schemas, raw);
  if (typeof value === 'string') {
    return schema.contentEncoding === 'base64' && !isBase64Image(value) ? sampleBase64(schema.contentMediaType) : value;
  }
  if (Array.isArray(value)) return schema.items ? value.map((item) => withRealBase64(schemas, schema.items, item, depth + 1)) : value;
  if (!isObject(value)) return value;
  const branches = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  const out: Record<string, unknown> = { ...value };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (name in out) out[name] = withRealBase64(schemas, property, out[name], depth + 1);
  }
  for (const branch of branches) Object.assign(out, withRealBase64(schemas, branch, out, depth + 1));
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
