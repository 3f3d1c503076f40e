// The schemas of an API as the browser gets them (response-schemas.json, the modules of groups
// checked in the browser) and as Ajv and the interpreter (interpret-schema.ts) read them: plain
// JSON, the named schemas under one `$id`, every `$ref` pointing there. No Ajv in here: browser
// bundles import it.
import type { JsonSchema } from '../openapi/index.ts';

/** `$id` of the schema holding an API's named schemas; `$ref`s point into it. */
export const COMPONENTS_ID = 'components';

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
