// A schema as the list of fields a client sends or reads: `messages[].role` → its types,
// whether it is required, its enum. Named schemas are followed (cycle-safe, depth-limited),
// `allOf` is folded, `oneOf`/`anyOf` alternatives pool their fields.
import type { JsonSchema } from '../types.ts';
import { resolveSchema, schemaTypes } from '../schema.ts';
import { mergeAllOf } from '../merge-all-of.ts';

type Schemas = Record<string, JsonSchema>;

export interface Field {
  /** Empty means the type could not be told (any). */
  types: string[];
  required: boolean;
  enum?: unknown[];
}

const MAX_DEPTH = 8;

/**
 * Path → field; the root (`''`) is the schema itself. A request (`input`) leaves out
 * `readOnly` properties, a response (`output`) `writeOnly` ones: clients never see them there.
 */
export function flattenSchema(schemas: Schemas, schema: JsonSchema | undefined, side: 'input' | 'output'): Map<string, Field> {
  const fields = new Map<string, Field>();
  const skip = side === 'input' ? 'readOnly' : 'writeOnly';
  if (schema !== undefined) visit(schemas, schema, '', true, [], fields, skip);
  return fields;
}

function visit(schemas: Schemas, raw: JsonSchema, path: string, required: boolean, trail: string[], out: Map<string, Field>, skip: 'readOnly' | 'writeOnly'): void {
  if (trail.length > MAX_DEPTH || (raw.$ref !== undefined && trail.includes(raw.$ref))) return;
  const nextTrail = raw.$ref === undefined ? trail : [...trail, raw.$ref];
  const schema = mergeAllOf(schemas, resolveSchema(schemas, raw));
  const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  const field = merge(out.get(path), { types: typesOf(schemas, schema, alternatives), required, enum: schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined) });
  out.set(path, field);
  for (const alternative of alternatives) visit(schemas, alternative, path, required, nextTrail, out, skip);
  const needed = new Set(schema.required ?? []);
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (resolveSchema(schemas, child)[skip] === true) continue;
    visit(schemas, child, path === '' ? name : `${path}.${name}`, needed.has(name), nextTrail, out, skip);
  }
  if (schema.items !== undefined) visit(schemas, schema.items, `${path}[]`, true, nextTrail, out, skip);
}

function typesOf(schemas: Schemas, schema: JsonSchema, alternatives: JsonSchema[]): string[] {
  const own = schemaTypes(schema);
  if (own.length > 0) return [...own].sort();
  if (alternatives.length > 0) {
    const pooled = alternatives.map((a) => typesOf(schemas, mergeAllOf(schemas, resolveSchema(schemas, a)), []));
    return pooled.some((t) => t.length === 0) ? [] : [...new Set(pooled.flat())].sort();
  }
  if (schema.properties !== undefined) return ['object'];
  if (schema.items !== undefined) return ['array'];
  if (schema.enum !== undefined) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))].sort();
  return [];
}

/** The same path reached twice (alternatives): one field that accepts what either does. */
function merge(a: Field | undefined, b: Field): Field {
  if (a === undefined) return b;
  const types = a.types.length === 0 || b.types.length === 0 ? [] : [...new Set([...a.types, ...b.types])].sort();
  const values = a.enum && b.enum ? [...a.enum, ...b.enum.filter((v) => !a.enum!.includes(v))] : undefined;
  return { types, required: a.required && b.required, enum: values };
}
