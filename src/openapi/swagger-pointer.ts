// A pointer into the OpenAPI 3.1 document converted from Swagger 2.0 → the place in the
// author's Swagger file that became it, so an error found after conversion still names a
// line the author wrote. Falls back to the deepest ancestor that exists in the original.
import { HTTP_METHODS } from './types.ts';
import { decodePointerToken, encodePointerToken } from './schema.ts';
import { toSourcePointer } from './locate.ts';

type Json = Record<string, unknown>;

const COMPONENTS: Record<string, string> = {
  schemas: 'definitions', parameters: 'parameters', requestBodies: 'parameters', responses: 'responses', securitySchemes: 'securityDefinitions',
};

export function toSwaggerPointer(pointer: string, original: unknown): string {
  const tokens = pointer.split('/').slice(1).map(decodePointerToken);
  // Follow the author's own `$ref`s on the way (a field of `#/definitions/Pet`), then keep what exists.
  const written = toSourcePointer(original, toPointer(mapTokens(tokens, original)));
  return toPointer(existingPrefix(original, written.split('/').slice(1).map(decodePointerToken)));
}

function mapTokens(t: string[], original: unknown): string[] {
  if (t[0] === 'servers') return ['host'];
  if (t[0] === 'components' && t[1] in COMPONENTS && t.length >= 3) {
    const root = [COMPONENTS[t[1]], t[2]];
    if (t[1] === 'requestBodies') return [...root, ...bodyRest(t.slice(3))];
    if (t[1] === 'responses') return [...root, ...responseRest(t.slice(3))];
    if (t[1] === 'parameters') return [...root, ...parameterRest(t.slice(3))];
    return [...root, ...t.slice(3)];
  }
  if (t[0] !== 'paths' || t.length < 3) return t;
  const itemBase = ['paths', t[1]];
  const item = at(original, itemBase) as Json | undefined;
  if (t[2] === 'parameters' && t.length >= 4) return [...itemBase, ...parameterAt(item?.parameters, t.slice(3))];
  if (!(HTTP_METHODS as readonly string[]).includes(t[2])) return t;
  const opBase = [...itemBase, t[2]];
  const op = item?.[t[2]] as Json | undefined;
  const rest = t.slice(3);
  if (rest[0] === 'responses' && rest.length >= 2) return [...opBase, 'responses', rest[1], ...responseRest(rest.slice(2))];
  if (rest[0] === 'parameters' && rest.length >= 2) return [...opBase, ...parameterAt(op?.parameters, rest.slice(1))];
  if (rest[0] === 'requestBody') {
    const schemaRest = rest[1] === 'content' && rest[3] === 'schema' ? rest.slice(4) : [];
    return bodyParameter(op?.parameters, schemaRest, opBase) ?? bodyParameter(item?.parameters, schemaRest, itemBase) ?? [...opBase, 'parameters'];
  }
  return t;
}

/** `content/<type>/schema/...` of a response → `schema/...`; `content/<type>/example(s)` → `examples/<type>`. */
function responseRest(rest: string[]): string[] {
  if (rest[0] === 'content' && rest.length >= 3) {
    if (rest[2] === 'schema') return rest.slice(2);
    if (rest[2] === 'example' || rest[2] === 'examples') return ['examples', rest[1]];
    return [];
  }
  if (rest[0] === 'headers' && rest.length >= 2) return ['headers', rest[1], ...parameterRest(rest.slice(2))];
  return rest;
}

/** A converted parameter's `schema/...` was written on the parameter itself in 2.0. */
function parameterRest(rest: string[]): string[] {
  return rest[0] === 'schema' ? rest.slice(1) : rest;
}

/** A body in a shared `#/parameters/X`: `content/<type>/schema/...` → `schema/...`. */
function bodyRest(rest: string[]): string[] {
  return rest[0] === 'content' && rest[2] === 'schema' ? rest.slice(2) : [];
}

/**
 * `parameters/<i>/...` of the converted list → the same parameter in the original list, whose
 * indexes differ: the converter moved body and formData parameters into `requestBody`.
 */
function parameterAt(list: unknown, rest: string[]): string[] {
  const kept = Array.isArray(list) ? list.flatMap((p: Json, i) => (p?.in === 'body' || p?.in === 'formData' ? [] : [i])) : [];
  const index = kept[Number(rest[0])];
  return index === undefined ? ['parameters'] : ['parameters', String(index), ...parameterRest(rest.slice(1))];
}

/** The body parameter (`schema/...`), or the formData field named by `properties/<field>`. */
function bodyParameter(list: unknown, schemaRest: string[], base: string[]): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const body = list.findIndex((p: Json) => p?.in === 'body');
  if (body >= 0) return [...base, 'parameters', String(body), 'schema', ...schemaRest];
  const field = schemaRest[0] === 'properties' ? schemaRest[1] : undefined;
  const form = list.findIndex((p: Json) => p?.in === 'formData' && (field === undefined || p.name === field));
  if (form < 0) return undefined;
  return [...base, 'parameters', String(form), ...(field === undefined ? [] : parameterRest(schemaRest.slice(2)))];
}

function existingPrefix(original: unknown, tokens: string[]): string[] {
  for (let n = tokens.length; n > 0; n--) if (at(original, tokens.slice(0, n)) !== undefined) return tokens.slice(0, n);
  return [];
}

function at(root: unknown, tokens: string[]): unknown {
  let node = root;
  for (const token of tokens) node = typeof node === 'object' && node !== null ? (node as Json)[token] : undefined;
  return node;
}

function toPointer(tokens: string[]): string {
  return tokens.map((t) => '/' + encodePointerToken(t)).join('');
}
