import type { JsonSchema } from './types.ts';

const SCHEMA_PREFIX = '#/components/schemas/';

/** `#/components/schemas/Foo~1Bar` → `Foo/Bar`; undefined for any other pointer. */
export function schemaRefName(ref: string): string | undefined {
  if (!ref.startsWith(SCHEMA_PREFIX)) return undefined;
  const rest = ref.slice(SCHEMA_PREFIX.length);
  if (rest.includes('/')) return undefined;
  return decodeRefToken(rest);
}

export function schemaRef(name: string): string {
  return SCHEMA_PREFIX + encodePointerToken(name);
}

/** One token of a JSON pointer: `~1` → `/`, `~0` → `~`. */
export function decodePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One token of a `$ref` fragment, which is also a URI: percent-decoded first (`%7Bid%7D` → `{id}`). */
export function decodeRefToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A lone `%` is not an escape: keep the token as written.
  }
  return decodePointerToken(decoded);
}

/** A `$ref` such as `#/paths/~1users%7Bid%7D/get` → the plain JSON pointer `/paths/~1users{id}/get`. */
export function refToPointer(ref: string): string {
  return ref.replace(/^#/, '').split('/').slice(1).map((t) => '/' + encodePointerToken(decodeRefToken(t))).join('');
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
