// The schemas the sandbox checks a request against, one home for both ways of compiling them:
// Ajv at run time (Node) and Ajv's standalone code at build time (edges forbid code generation
// at run time). Each schema has a key; a compiled validator set is looked up by it.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ApiModel, JsonSchema, Operation } from '../openapi/index.ts';
import { paramsSchema } from '../request/index.ts';

/** One schema to compile: parameters are coerced from strings (and so are form fields), JSON bodies are not. */
export interface RequestSchema {
  key: string;
  schema: JsonSchema;
  coerce: boolean;
}

export const paramsKey = (operation: Operation): string => `${operation.slug} params`;
export const bodyKey = (operation: Operation, mediaType: string): string => `${operation.slug} body ${mediaType}`;

export const isFormMedia = (type: string): boolean => type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded';

/** `$id` under which an API's named schemas are registered; operation `$ref`s point into it. */
const rootOf = (api: ApiModel): string => `sandbox:/${api.id}`;

/** An Ajv with the API's named schemas registered once. `source: true` for standalone code. */
export function createSandboxAjv(api: ApiModel, coerce: boolean, source = false): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, logger: false, allErrors: false, ...(coerce ? { coerceTypes: 'array' as const } : {}), ...(source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  ajv.addSchema({ $id: rootOf(api), components: { schemas: api.schemas } });
  return ajv;
}

/** The request box's parameters schema (keyed `in:name`), its `$ref`s pointing into the API's root. */
export function sandboxParamsSchema(api: ApiModel, operation: Operation): JsonSchema {
  return rebase(paramsSchema(operation), rootOf(api));
}

export function bodySchema(api: ApiModel, schema: JsonSchema): JsonSchema {
  return rebase(schema, rootOf(api));
}

/** Every schema of every operation: what the build compiles ahead of time. */
export function requestSchemas(api: ApiModel): RequestSchema[] {
  const out: RequestSchema[] = [];
  for (const operation of api.operations) {
    if (operation.webhook) continue;
    out.push({ key: paramsKey(operation), schema: sandboxParamsSchema(api, operation), coerce: true });
    for (const media of operation.requestBody?.content ?? []) {
      if (media.schema !== undefined) out.push({ key: bodyKey(operation, media.type), schema: bodySchema(api, media.schema), coerce: isFormMedia(media.type) });
    }
  }
  return out;
}

/** Operation-level `#/components/schemas/X` refs point into the API's registered root. */
function rebase(schema: JsonSchema, root: string): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? root + value : value));
}
