import type { JsonSchema } from './types.ts';

const SCHEMA_PREFIX = '#/components/schemas/';

/** `#/components/schemas/Foo~1Bar` → `Foo/Bar`; undefined for any other pointer. */
export function schemaRefName(ref: string): string | undefined {
  if (!ref.startsWith(SCHEMA_PREFIX)) return undefined;
  const rest = ref.slice(SCHEMA_PREFIX.length);
  if (rest.includes('/')) return undefined;
  return decodePointerToken(rest);
}

export function schemaRef(name: string): string {
  return SCHEMA_PREFIX + encodePointerToken(name);
}

export function decodePointerToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

export function encodePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Follows `$ref`s to a named schema until it reaches an inline one. Sibling keywords
 * beside a `$ref` (allowed in 3.1) win over the target's. Stops on a ref cycle.
 */
export function resolveSchema(schemas: Record<string, JsonSchema>, schema: JsonSchema): JsonSchema {
  let current = schema;
  const seen = new Set<string>();
  while (current.$ref !== undefined) {
    const name = schemaRefName(current.$ref);
    if (name === undefined || seen.has(name) || !(name in schemas)) return current;
    seen.add(name);
    const { $ref: _ignored, ...siblings } = current;
    current = { ...schemas[name], ...siblings };
  }
  return current;
}

/** Type names of a schema, `nullable` folded in: `['string', 'null']`. */
export function schemaTypes(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  return [];
}
