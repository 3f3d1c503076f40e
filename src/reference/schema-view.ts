// What a schema looks like to a reader, before any HTML: refs followed once, `allOf`
// merged, "X or null" alternatives folded into a nullable X.
import { mergeAllOf, resolveSchema, schemaRefName, schemaTypes, type JsonSchema } from '../openapi/index.ts';
import { isNullable } from './format.ts';

export type Schemas = Record<string, JsonSchema>;

export interface SchemaView {
  /** The schema as written at this place (a `$ref` kept), after folding a null alternative. */
  raw: JsonSchema;
  /** Resolved and `allOf`-merged: what to describe. */
  schema: JsonSchema;
  /** Named schema behind `raw`, when it is a `$ref`. */
  refName?: string;
  nullable: boolean;
}

export function viewOf(schemas: Schemas, input: JsonSchema): SchemaView {
  let raw = input;
  let nullable = false;
  const alternatives = raw.oneOf ?? raw.anyOf;
  if (alternatives && alternatives.length >= 2 && !raw.properties) {
    const others = alternatives.filter((a) => !isNullSchema(a));
    if (others.length === 1) {
      const { oneOf: _o, anyOf: _a, ...outer } = raw;
      raw = { ...others[0], ...outer };
      nullable = true;
    }
  }
  const refName = raw.$ref === undefined ? undefined : schemaRefName(raw.$ref);
  const schema = mergeAllOf(schemas, resolveSchema(schemas, raw));
  return { raw, schema, refName, nullable: nullable || isNullable(schema) };
}

function isNullSchema(schema: JsonSchema): boolean {
  const types = schemaTypes(schema);
  return (types.length === 1 && types[0] === 'null') || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null);
}

export function isArraySchema(schema: JsonSchema): boolean {
  return schemaTypes(schema).includes('array') || (schemaTypes(schema).length === 0 && schema.items !== undefined);
}

/** The alternatives a reader chooses between (`oneOf`/`anyOf` that are more than "or null"). */
export function alternativesOf(schema: JsonSchema): { kind: 'one' | 'any'; list: JsonSchema[] } | undefined {
  if (schema.oneOf && schema.oneOf.length > 0) return { kind: 'one', list: schema.oneOf };
  if (schema.anyOf && schema.anyOf.length > 0) return { kind: 'any', list: schema.anyOf };
  return undefined;
}

export function additionalSchema(schema: JsonSchema): JsonSchema | undefined {
  const extra = schema.additionalProperties;
  return typeof extra === 'object' && extra !== null ? extra : undefined;
}

/** True when the schema has something to unfold: properties, alternatives, or an item with those. */
export function hasChildren(schemas: Schemas, view: SchemaView): boolean {
  const s = view.schema;
  if (isArraySchema(s) && s.items) return hasChildren(schemas, viewOf(schemas, s.items));
  if (s.properties && Object.keys(s.properties).length > 0) return true;
  if (alternativesOf(s)) return true;
  const extra = additionalSchema(s);
  return extra !== undefined && Object.keys(extra).length > 0;
}

/** What an array row unfolds to: its items. Anything else unfolds to itself. */
export function unfoldTarget(schemas: Schemas, view: SchemaView): SchemaView {
  const s = view.schema;
  return isArraySchema(s) && s.items ? unfoldTarget(schemas, viewOf(schemas, s.items)) : view;
}

/** `12 properties`, `4 alternatives`; of an array's items: `12 item properties`. */
export function childCount(view: SchemaView, ofItems = false): string {
  const s = view.schema;
  const props = Object.keys(s.properties ?? {}).length;
  const alternatives = alternativesOf(s);
  const item = ofItems ? 'item ' : '';
  if (props > 0) return props === 1 ? `1 ${item}property` : `${props} ${item}properties`;
  if (alternatives) return `${alternatives.list.length} ${item}alternatives`;
  return `${item}properties`;
}
