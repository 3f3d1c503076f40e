// Reads and writes form fields on a RequestSpec, the one request model: the form, the
// JSON editor and the snippets all look at the same spec. Every write returns a new spec.
import type { JsonValue, RequestSpec } from '../request/index.ts';
import type { FormField } from './form-fields.ts';
import { isObject } from '../openapi/index.ts';

/** The text a field's input shows. */
export function fieldText(spec: RequestSpec, field: FormField): string {
  if (field.in === 'path') return spec.pathParams[field.name] ?? '';
  if (field.in === 'query') return spec.query.filter(([n]) => n === field.name).map(([, v]) => v).join(',');
  if (field.in === 'header') return spec.headers.find(([n]) => n.toLowerCase() === field.name.toLowerCase())?.[1] ?? '';
  const body = spec.body;
  if (body?.kind === 'json' && isObject<JsonValue>(body.value)) {
    const value = body.value[field.name];
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.join(',') : String(value);
  }
  if (body?.kind === 'multipart') {
    const part = body.parts.find((p) => p.name === field.name);
    return part ? ('value' in part ? part.value : part.filename) : '';
  }
  return '';
}

/** The value the text stands for: numbers and booleans typed, lists split; `undefined` for an empty input. */
export function toValue(field: FormField, text: string): JsonValue | undefined {
  if (text.trim() === '') return undefined;
  const scalar = (t: string, kind: string | undefined): JsonValue => {
    if ((kind === 'number' || kind === 'integer') && t.trim() !== '' && Number.isFinite(Number(t))) return Number(t);
    return t;
  };
  if (field.control === 'toggle') return text === 'true' ? true : text === 'false' ? false : text;
  if (field.control === 'list') return text.split(',').map((t) => scalar(t.trim(), field.item));
  return scalar(text, field.control);
}

export function setField(spec: RequestSpec, field: FormField, text: string): RequestSpec {
  const next: RequestSpec = { ...spec };
  if (field.in === 'path') next.pathParams = { ...spec.pathParams, [field.name]: text };
  else if (field.in === 'query') {
    const kept = spec.query.filter(([n]) => n !== field.name);
    const values = text === '' ? [] : field.control === 'list' && !field.joined ? text.split(',').map((t) => t.trim()) : [text];
    next.query = [...kept, ...values.map((v) => [field.name, v] as [string, string])];
  } else if (field.in === 'header') {
    const kept = spec.headers.filter(([n]) => n.toLowerCase() !== field.name.toLowerCase());
    next.headers = text === '' ? kept : [...kept, [field.name, text]];
  } else if (spec.body?.kind === 'json') {
    const value: Record<string, JsonValue> = isObject<JsonValue>(spec.body.value) ? { ...spec.body.value } : {};
    const typed = toValue(field, text);
    if (typed === undefined) delete value[field.name];
    else value[field.name] = typed;
    next.body = { ...spec.body, value };
  } else if (spec.body?.kind === 'multipart') {
    const parts = spec.body.parts.filter((p) => p.name !== field.name);
    if (text !== '') parts.push({ name: field.name, value: text });
    next.body = { ...spec.body, parts };
  }
  return next;
}

/** The typed values of the parameter fields, keyed by field id, for the parameter validator. */
export function paramValues(spec: RequestSpec, fields: readonly FormField[]): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = {};
  for (const field of fields) {
    if (field.in === 'body') continue;
    const present = field.in === 'path' || (field.in === 'query' ? spec.query.some(([n]) => n === field.name) : spec.headers.some(([n]) => n.toLowerCase() === field.name.toLowerCase()));
    if (!present) continue;
    const value = toValue(field, fieldText(spec, field));
    if (value !== undefined) values[field.id] = value;
  }
  return values;
}

/** A multipart body as the body validator sees it: field values, file names for files the reader chose. */
export function multipartValues(spec: RequestSpec): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = {};
  if (spec.body?.kind !== 'multipart') return values;
  for (const part of spec.body.parts) {
    if ('value' in part) values[part.name] = part.value;
    else if (part.data !== undefined) values[part.name] = part.filename;
  }
  return values;
}

/**
 * What the browser really sends: file parts the reader has not chosen yet (the spec's
 * `audio.mp3` stand-ins, which snippets keep showing) are left out rather than sent empty.
 */
export function toSendable(spec: RequestSpec): RequestSpec {
  if (spec.body?.kind !== 'multipart') return spec;
  return { ...spec, body: { ...spec.body, parts: spec.body.parts.filter((p) => 'value' in p || p.data !== undefined) } };
}

