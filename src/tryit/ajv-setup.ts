// One Ajv set-up for the places the console checks schemas with Ajv: the request validators
// compiled at build time (compile-validators.ts) and the response check in the browser
// (response-schemas.ts), so both report errors the same way. The request validators of groups
// compiled in the browser run on @cfworker/json-schema instead (interpret-schema.ts), whose
// errors are made Ajv's (ajv-errors.ts) and held to this set-up's by interpret-schema.test.ts.
import Ajv2020 from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../openapi/index.ts';

/** `$id` of the schema holding an API's named schemas; `$ref`s point into it. */
export const COMPONENTS_ID = 'components';

/**
 * An Ajv instance with the API's named schemas added once: each is compiled the first time a
 * `$ref` reaches it and then shared by every schema that refers to it. `messages: false`:
 * schema-errors.ts words the errors itself; `inlineRefs: false`: a named schema stays one
 * function however many schemas use it.
 */
export function createAjv(components: AjvComponents, code: CodeOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false, validateSchema: false, messages: false, inlineRefs: false, code });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas: components } });
  return ajv;
}

/** The API's named schemas as Ajv reads them (see toAjvSchema): plain JSON, so the browser can fetch them. */
export type AjvComponents = Record<string, unknown>;

export function toAjvComponents(schemas: Record<string, JsonSchema>): AjvComponents {
  const out: AjvComponents = {};
  for (const [name, schema] of Object.entries(schemas)) out[name] = toAjvSchema(schema);
  return out;
}

/** Points every `#/components/schemas/X` at the components schema; drops annotations the validator never reads. */
export function toAjvSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toAjvSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // A property may be named like an annotation: its value is then a schema object, which stays.
    if (ANNOTATIONS.has(key) && (typeof value !== 'object' || value === null || Array.isArray(value))) continue;
    if (VALUES.has(key)) out[key] = value;
    else out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/components/') ? `${COMPONENTS_ID}${value}` : toAjvSchema(value);
  }
  return out;
}

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated']);
const VALUES = new Set(['enum', 'const', 'default']);
