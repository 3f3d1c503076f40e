import type { JsonSchema } from './types.ts';
import { resolveSchema } from './schema.ts';

type Schemas = Record<string, JsonSchema>;

/**
 * Folds `allOf` into one schema, the way a reader thinks of it: properties and `required`
 * of every part together, the outer schema's own keywords winning. Parts behind `$ref`s are
 * followed (cycle-safe); a part's nested property schemas stay as they are (refs kept).
 */
export function mergeAllOf(schemas: Schemas, schema: JsonSchema, seen: ReadonlySet<string> = new Set()): JsonSchema {
  if (!schema.allOf || schema.allOf.length === 0) return schema;
  const { allOf, ...own } = schema;
  const merged: JsonSchema = {};
  for (const part of allOf) {
    if (part.$ref !== undefined && seen.has(part.$ref)) continue;
    const nextSeen = part.$ref === undefined ? seen : new Set([...seen, part.$ref]);
    const resolved = mergeAllOf(schemas, resolveSchema(schemas, part), nextSeen);
    mergeInto(merged, resolved);
  }
  mergeInto(merged, own, true);
  return merged;
}

function mergeInto(target: JsonSchema, source: JsonSchema, sourceWins = false): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    if (key === 'properties') {
      target.properties = { ...target.properties, ...(value as Record<string, JsonSchema>) };
    } else if (key === 'required') {
      target.required = [...new Set([...(target.required ?? []), ...(value as string[])])];
    } else if (key === 'oneOf' || key === 'anyOf') {
      // Two parts each with alternatives: keep the first set, the rest would need a product.
      if (target[key] === undefined || sourceWins) target[key] = value as JsonSchema[];
    } else if (key === 'title' && !sourceWins) {
      // A parent's title names the parent, not the merged schema.
    } else if (sourceWins || target[key] === undefined) {
      target[key] = value;
    }
  }
}
