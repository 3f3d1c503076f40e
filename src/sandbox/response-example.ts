import { isObject, resolveSchema, sampleValue, type JsonSchema, type MediaType } from '../openapi/index.ts';
import { isBase64Image, sampleBase64 } from './binary.ts';

type Schemas = Record<string, JsonSchema>;
const MAX_DEPTH = 8;

/** The documented example (by name when asked and present, else the first), or one built from the schema. */
export function exampleValue(schemas: Schemas, media: MediaType, name?: string): unknown {
  const chosen = (name === undefined ? undefined : media.examples.find((e) => e.name === name)) ?? media.examples[0];
  if (chosen !== undefined) return structuredClone(chosen.value);
  return media.schema ? generateValue(schemas, media.schema) : undefined;
}

/** A response-like value from a schema: every property, base64 fields holding a real PNG (or WAV, MP3). */
export function generateValue(schemas: Schemas, schema: JsonSchema): unknown {
  return sampleValue(schemas, schema, { base64: sampleBase64, maxDepth: MAX_DEPTH });
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

