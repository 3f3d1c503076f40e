import type { JsonSchema } from './types.ts';
import { resolveSchema, schemaTypes } from './schema.ts';
import { isObject } from './is-object.ts';

type Schemas = Record<string, JsonSchema>;

export interface SampleOptions {
  /**
   * `required`: an object gets its required properties only (all of them when none is
   * required), so a request built from it stays as small as the spec allows.
   * `all` (default): every property, as a response shows.
   */
  properties?: 'required' | 'all';
  /**
   * false: a scalar with no example, default, const or enum is left out (undefined) rather
   * than invented, so the caller can put a placeholder there. Applies to the value and its
   * array items; the properties of an object it builds are always filled. Default true.
   */
  inventScalars?: boolean;
  /** Content for a `contentEncoding: base64` string, winning over its (placeholder) example. */
  base64?: (contentMediaType: string | undefined) => string;
  /** Nesting levels before a branch gives up (default 8). */
  maxDepth?: number;
}

interface Walk {
  options: SampleOptions;
  maxDepth: number;
  depth: number;
  /** `$ref`s on the current branch: a repeat is a cycle and stops there. */
  trail: readonly string[];
  invent: boolean;
}

/**
 * A plausible value for a schema: its const, example, default or first non-null enum value,
 * else one built from its type (first `oneOf`/non-null `anyOf` branch, `allOf` objects merged,
 * one array item, format-aware strings). Undefined where nothing can be said.
 */
export function sampleValue(schemas: Schemas, schema: JsonSchema, options: SampleOptions = {}): unknown {
  return sample(schemas, schema, { options, maxDepth: options.maxDepth ?? 8, depth: 0, trail: [], invent: options.inventScalars ?? true });
}

function sample(schemas: Schemas, raw: JsonSchema, walk: Walk): unknown {
  if (walk.depth > walk.maxDepth || (raw.$ref !== undefined && walk.trail.includes(raw.$ref))) return undefined;
  const inner = (invent: boolean): Walk => ({ ...walk, depth: walk.depth + 1, trail: raw.$ref === undefined ? walk.trail : [...walk.trail, raw.$ref], invent });
  const schema = resolveSchema(schemas, raw);
  if (schema.contentEncoding === 'base64' && walk.options.base64) return walk.options.base64(schema.contentMediaType);
  const documented = documentedValue(schema);
  if (documented !== undefined) return documented;
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.find((s) => resolveSchema(schemas, s).type !== 'null');
  if (alternative) return sample(schemas, alternative, inner(walk.invent));
  if (schema.allOf) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) {
      const value = sample(schemas, part, inner(true));
      if (isObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const type = schemaTypes(schema).find((t) => t !== 'null') ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  if (type === 'object') {
    const properties = schema.properties ?? {};
    const required = walk.options.properties === 'required' ? (schema.required ?? []) : [];
    const out: Record<string, unknown> = {};
    for (const name of required.length > 0 ? required : Object.keys(properties)) {
      const value = properties[name] ? sample(schemas, properties[name], inner(true)) : undefined;
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (type === 'array') {
    const item = schema.items ? sample(schemas, schema.items, inner(walk.invent)) : undefined;
    return item === undefined ? [] : [item];
  }
  return walk.invent ? scalarFor(schema, type) : undefined;
}

function documentedValue(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  return undefined;
}

function scalarFor(schema: JsonSchema, type: string | undefined): unknown {
  switch (type) {
    case 'string':
      return stringFor(schema.format);
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 0;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return schemaTypes(schema).includes('null') ? null : undefined;
  }
}

function stringFor(format: string | undefined): string {
  switch (format) {
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

