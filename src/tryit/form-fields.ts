// The inputs of the request form, worked out at build time from the operation so the
// browser ships no schema walking: one typed field per parameter, and per top-level
// body property when the body is flat (scalars and lists of scalars) or multipart.
import type { ApiModel, JsonSchema, Operation, Parameter } from '../openapi/index.ts';
import { resolveSchema, schemaTypes } from '../openapi/index.ts';
import { paramKey } from '../request/index.ts';

export type FieldControl = 'select' | 'toggle' | 'number' | 'integer' | 'text' | 'list' | 'file';
export type FieldLocation = 'path' | 'query' | 'header' | 'body';

export interface FormField {
  /** Unique in the form: `path:id`, `query:limit`, `body:n`; also the key the param validator checks. */
  id: string;
  name: string;
  in: FieldLocation;
  control: FieldControl;
  required: boolean;
  description?: string;
  options?: string[];
  min?: number;
  max?: number;
  /** List items' control for `list` (comma-separated in one input). */
  item?: 'text' | 'number' | 'integer';
  /** Accepted media type for `file`. */
  accept?: string;
  /** Query arrays joined by commas (`explode: false`) instead of repeating the name. */
  joined?: boolean;
}

export function paramFields(api: ApiModel, op: Operation): FormField[] {
  return op.parameters
    .filter((p): p is Parameter & { in: 'path' | 'query' | 'header' } => p.in !== 'cookie')
    .map((p) => ({
      ...controlOf(api.schemas, p.schema),
      id: paramKey(p), name: p.name, in: p.in, required: p.required,
      ...(p.description ? { description: firstSentence(p.description) } : {}),
      ...(p.in === 'query' && p.explode === false ? { joined: true } : {}),
    }));
}

/** Fields for the body's form view; undefined when the body needs the JSON editor (nested objects). */
export function bodyFields(api: ApiModel, op: Operation, mediaType: string): FormField[] | undefined {
  const media = op.requestBody?.content.find((c) => c.type === mediaType);
  if (!media?.schema) return undefined;
  const schema = resolveSchema(api.schemas, media.schema);
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields: FormField[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    const property = resolveSchema(api.schemas, raw);
    if (property.readOnly) continue;
    const field = { id: `body:${name}`, name, in: 'body' as const, required: required.has(name), ...(property.description ? { description: firstSentence(property.description) } : {}) };
    if (mediaType === 'multipart/form-data' && isFile(property)) {
      fields.push({ ...field, control: 'file', ...(typeof property.contentMediaType === 'string' && property.contentMediaType !== 'application/octet-stream' ? { accept: property.contentMediaType } : {}) });
      continue;
    }
    const control = controlOf(api.schemas, raw);
    if (control.control === 'text' && !isScalar(property)) {
      if (mediaType === 'multipart/form-data') fields.push({ ...field, control: 'text' });
      else return undefined;
      continue;
    }
    fields.push({ ...field, ...control });
  }
  return fields;
}

function controlOf(schemas: Record<string, JsonSchema>, raw: JsonSchema): Pick<FormField, 'control' | 'options' | 'min' | 'max' | 'item'> {
  const schema = resolveSchema(schemas, raw);
  const options = enumOf(schemas, schema);
  if (options) return { control: 'select', options };
  const types = schemaTypes(schema).filter((t) => t !== 'null');
  const type = types.length === 1 ? types[0] : schema.items && types.length === 0 ? 'array' : types.includes('array') && schema.items ? 'array' : types[0];
  if (type === 'boolean') return { control: 'toggle' };
  if (type === 'integer' || type === 'number') return { control: type, ...bounds(schema) };
  if (type === 'array' && schema.items) {
    const item = resolveSchema(schemas, schema.items);
    const itemType = schemaTypes(item).find((t) => t !== 'null');
    if (itemType === 'string' || itemType === 'number' || itemType === 'integer') return { control: 'list', item: itemType === 'string' ? 'text' : itemType };
  }
  return { control: 'text' };
}

function enumOf(schemas: Record<string, JsonSchema>, schema: JsonSchema): string[] | undefined {
  const alternatives = schema.oneOf ?? schema.anyOf;
  const values = schema.enum ?? (alternatives?.every((s) => resolveSchema(schemas, s).enum || resolveSchema(schemas, s).const !== undefined || schemaTypes(resolveSchema(schemas, s)).includes('null'))
    ? alternatives.flatMap((s) => { const r = resolveSchema(schemas, s); return r.enum ?? (r.const !== undefined ? [r.const] : []); })
    : undefined);
  const strings = values?.filter((v) => v !== null).map(String);
  return strings && strings.length > 0 ? strings : undefined;
}

function bounds(schema: JsonSchema): Pick<FormField, 'min' | 'max'> {
  const out: Pick<FormField, 'min' | 'max'> = {};
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  if (typeof min === 'number') out.min = min;
  if (typeof max === 'number') out.max = max;
  return out;
}

function isFile(schema: JsonSchema): boolean {
  return schema.format === 'binary' || schema.contentEncoding === 'binary' || (typeof schema.contentMediaType === 'string' && !schemaTypes(schema).includes('object'));
}

function isScalar(schema: JsonSchema): boolean {
  const types = schemaTypes(schema).filter((t) => t !== 'null');
  return types.length === 1 && ['string', 'number', 'integer', 'boolean'].includes(types[0]);
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A sentence ends at a full stop before a capital or the end, not inside "e.g." or "i.e.".
  const end = flat.search(/(?<!\b(?:e\.g|i\.e|etc|vs|approx))\.(?=\s+[A-Z(`]|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}
