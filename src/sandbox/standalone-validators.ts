// Build time: an API's request validators as Ajv standalone code, for runtimes that forbid
// compiling code at run time (workerd refuses `new Function`). Same schemas, same Ajv options
// and the same keys as the validators Node compiles on demand, so both answer alike.
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { ApiModel } from '../openapi/index.ts';
import { createSandboxAjv, requestSchemas } from './request-schemas.ts';

/**
 * Two CommonJS modules (one per Ajv instance: parameters and form fields are coerced, JSON
 * bodies are not), each exporting its validators under their keys (`<slug> params`,
 * `<slug> body <media type>`). A bundler resolves the `require`s of Ajv's runtime helpers.
 */
export function toStandaloneValidators(api: ApiModel): { coercing: string; strict: string } {
  const out = { coercing: '', strict: '' };
  for (const coerce of [true, false]) {
    const ajv = createSandboxAjv(api, coerce, true);
    const exports: Record<string, string> = {};
    for (const [index, { key, schema }] of requestSchemas(api).filter((s) => s.coerce === coerce).entries()) {
      const id = `request-schema-${index}`;
      ajv.addSchema({ ...(schema as object), $id: id });
      try {
        ajv.getSchema(id);
      } catch (error) {
        throw new Error(`${api.file}: Ajv cannot compile the request schema "${key}" for the sandbox: ${(error as Error).message}`);
      }
      exports[key] = id;
    }
    out[coerce ? 'coercing' : 'strict'] = standaloneCode(ajv, exports);
  }
  return out;
}
