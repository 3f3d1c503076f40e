// The one Ajv set-up: the request validators compiled at build time (compile-validators.ts).
// The browser runs no Ajv: the request checks of groups compiled there and the response check
// run on @cfworker/json-schema (interpret-schema.ts), whose errors are made Ajv's (ajv-errors.ts)
// and held to this set-up's by interpret-schema.test.ts and response-schemas.test.ts.
import Ajv2020 from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { COMPONENTS_ID, type AjvComponents } from './ajv-schema.ts';

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
