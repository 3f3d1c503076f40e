// Ajv's errors in words a person acts on, each with the JSON path of the value at fault: one
// wording for the try-it console (the request before it is sent, "`n` must be at least 1"; the
// response against its documented schema, "field `usage.total_tokens` missing") and the
// sandbox's 400s (`body.messages[0].role: must be one of …`).
import { getPointer, toDottedPath } from './pointer.ts';

/** The part of Ajv's `ErrorObject` we read (standalone validators produce the same). */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface Problem {
  /** JSON pointer of the value at fault (for a missing field: where it should be). */
  pointer: string;
  /** `messages[0].role` */
  path: string;
  message: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null',
};

export function describeRequestErrors(errors: readonly SchemaError[], data: unknown): Problem[] {
  return relevant(errors).map((error) => {
    const { pointer, value } = locate(error, data);
    return { pointer, path: toDottedPath(pointer), message: requestWords(error, value) };
  });
}

export function describeResponseErrors(errors: readonly SchemaError[], data: unknown): Problem[] {
  return relevant(errors).map((error) => {
    const { pointer, value } = locate(error, data);
    const field = `field \`${toDottedPath(pointer)}\``;
    let message: string;
    if (error.keyword === 'required') message = `${field} missing`;
    else if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') message = `${field} is not in the documented schema`;
    else if (error.keyword === 'type') message = `${field} is ${typeOf(value)}, documented as ${typeList(error.params.type)}`;
    else message = `${field} ${requestWords(error, value)}`;
    return { pointer, path: toDottedPath(pointer), message };
  });
}

/**
 * The one problem worth answering a whole request with (the sandbox's 400): the deepest error,
 * since a failed `oneOf` reports every branch and the branch that got furthest says most, with
 * the allowed values of every branch at that place merged (`must be one of "system", "user"`).
 */
export function mainProblem(errors: readonly SchemaError[], data: unknown): Problem {
  const all = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const depth = (e: SchemaError) => locate(e, data).pointer.split('/').length;
  const deepest = all.reduce<SchemaError | undefined>((best, e) => (best === undefined || depth(e) > depth(best) ? e : best), undefined) ?? errors[0];
  if (deepest === undefined) return { pointer: '', path: toDottedPath(''), message: 'is invalid' };
  const allowed = new Set<unknown>();
  for (const e of all.filter((e) => e.instancePath === deepest.instancePath)) {
    if (e.keyword === 'const') allowed.add(e.params.allowedValue);
    if (e.keyword === 'enum') for (const v of (e.params.allowedValues as unknown[] | undefined) ?? []) allowed.add(v);
  }
  const chosen = (deepest.keyword === 'enum' || deepest.keyword === 'const') && allowed.size > 1 ? { ...deepest, keyword: 'enum', params: { allowedValues: [...allowed] } } : deepest;
  const { pointer, value } = locate(chosen, data);
  return { pointer, path: toDottedPath(pointer), message: requestWords(chosen, value) };
}

/** Alternatives report their branches' errors besides their own: keep the summary only. */
function relevant(errors: readonly SchemaError[]): SchemaError[] {
  const kept = errors.filter((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath) && e.keyword !== 'if');
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function locate(error: SchemaError, data: unknown): { pointer: string; value: unknown } {
  const extra = error.params.missingProperty ?? error.params.additionalProperty ?? error.params.unevaluatedProperty;
  const pointer = typeof extra === 'string' ? `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}` : error.instancePath;
  return { pointer, value: getPointer(data, pointer) };
}

function requestWords(error: SchemaError, value: unknown): string {
  const p = error.params;
  const name = toDottedPath(error.instancePath);
  switch (error.keyword) {
    case 'required': return 'is required';
    case 'additionalProperties':
    case 'unevaluatedProperties': return `is not a field of ${error.instancePath ? `\`${name}\`` : 'this request'}`;
    case 'type': return `must be ${typeList(p.type)}, not ${typeOf(value)}`;
    case 'enum': return `must be one of ${(p.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const': return `must be ${show(p.allowedValue)}`;
    case 'minimum': return `must be at least ${p.limit}`;
    case 'maximum': return `must be at most ${p.limit}`;
    case 'exclusiveMinimum': return `must be more than ${p.limit}`;
    case 'exclusiveMaximum': return `must be less than ${p.limit}`;
    case 'multipleOf': return `must be a multiple of ${p.multipleOf}`;
    case 'minLength': return p.limit === 1 ? 'must not be empty' : `must have at least ${p.limit} characters`;
    case 'maxLength': return `must have at most ${p.limit} characters`;
    case 'minItems': return `must have at least ${plural(p.limit as number, 'item')}`;
    case 'maxItems': return `must have at most ${plural(p.limit as number, 'item')}`;
    case 'uniqueItems': return `must not repeat items (items ${p.j} and ${p.i} are the same)`;
    case 'minProperties': return `must have at least ${plural(p.limit as number, 'field')}`;
    case 'maxProperties': return `must have at most ${plural(p.limit as number, 'field')}`;
    case 'pattern': return `must match the pattern \`${p.pattern}\``;
    case 'format': return `must be a valid ${p.format}`;
    case 'oneOf': return 'must match exactly one of the allowed shapes';
    case 'anyOf': return 'must match one of the allowed shapes';
    case 'not': return 'is a value that is not allowed here';
    case 'dependentRequired': return `needs \`${p.missingProperty}\` when \`${p.property}\` is set`;
    default: return error.message ?? `fails the \`${error.keyword}\` rule`;
  }
}

function typeList(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

function typeOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text (${show(value.length > 20 ? `${value.slice(0, 20)}…` : value)})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `a whole number (${value})` : `a number (${value})`;
  return TYPE_WORDS[typeof value] ?? typeof value;
}

function show(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
