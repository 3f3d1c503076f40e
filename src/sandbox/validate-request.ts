import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ApiModel, JsonSchema, Operation } from '../openapi/index.ts';
import { mainProblem, paramKey, paramsSchema } from '../request/index.ts';
import type { InputProblem, RequestInput } from './read-input.ts';

export type RequestValidator = (operation: Operation, input: RequestInput) => InputProblem | undefined;

/**
 * Validates path, query, header and body values against the operation's schemas with Ajv.
 * The API's named schemas are registered once under the API's own URI; each operation's
 * validators are compiled on its first request. Parameters (strings on the wire) and form
 * fields are coerced to their schema types; JSON bodies are not.
 */
export function createRequestValidator(api: ApiModel): RequestValidator {
  const root = `sandbox:/${api.id}`;
  const strict = withSchemas(new Ajv2020({ strict: false, logger: false, allErrors: false }), root, api);
  const coercing = withSchemas(new Ajv2020({ strict: false, logger: false, allErrors: false, coerceTypes: 'array' }), root, api);
  const cache = new Map<string, { params: ValidateFunction; bodies: Map<string, ValidateFunction> }>();

  const compiled = (operation: Operation) => {
    let entry = cache.get(operation.slug);
    if (entry === undefined) {
      entry = { params: coercing.compile(rebase(paramsSchema(operation), root)), bodies: new Map() };
      cache.set(operation.slug, entry);
    }
    return entry;
  };

  return (operation, input) => {
    const { params, bodies } = compiled(operation);
    const values = paramValues(operation, input);
    if (!params(values)) return toProblem(params.errors, values, 'params');
    keepCoerced(operation, input, values);
    const media = input.media;
    if (media?.schema === undefined || input.body === undefined) return undefined;
    let body = bodies.get(media.type);
    if (body === undefined) {
      const isForm = media.type === 'multipart/form-data' || media.type === 'application/x-www-form-urlencoded';
      body = (isForm ? coercing : strict).compile(rebase(media.schema, root));
      bodies.set(media.type, body);
    }
    return body(input.body) ? undefined : toProblem(body.errors, input.body, 'body');
  };
}

function withSchemas(ajv: Ajv2020, root: string, api: ApiModel): Ajv2020 {
  addFormats(ajv);
  ajv.addSchema({ $id: root, components: { schemas: api.schemas } });
  return ajv;
}

/** The values the parameters schema checks, keyed as it keys them (`query:limit`). */
function paramValues(operation: Operation, input: RequestInput): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const param of operation.parameters) {
    if (param.in === 'cookie') continue;
    const value = param.in === 'header' ? input.header[param.name.toLowerCase()] : input[param.in][param.name];
    if (value !== undefined) values[paramKey(param)] = value;
  }
  return values;
}

/** Parameters come as strings: the answer (a task id, say) is built from them as their schemas type them. */
function keepCoerced(operation: Operation, input: RequestInput, values: Record<string, unknown>): void {
  for (const param of operation.parameters) {
    const key = paramKey(param);
    if (param.in === 'cookie' || !(key in values)) continue;
    const location = input[param.in] as Record<string, unknown>;
    location[param.in === 'header' ? param.name.toLowerCase() : param.name] = values[key];
  }
}

/** Operation-level `#/components/schemas/X` refs point into the API's registered root. */
function rebase(schema: JsonSchema, root: string): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? root + value : value));
}

/**
 * One 400 for the request, worded by the request box as the try-it console words it:
 * `query.limit: must be a whole number, …`, `body.messages[0].role: must be one of …`.
 */
function toProblem(errors: ErrorObject[] | null | undefined, data: unknown, where: 'params' | 'body'): InputProblem {
  const problem = mainProblem(errors ?? [], data);
  const field = where === 'body'
    ? `body${problem.pointer === '' ? '' : problem.path.startsWith('[') ? problem.path : `.${problem.path}`}`
    : problem.path.replace(/^(path|query|header):/, '$1.') || 'request';
  return { status: 400, field, message: `${field}: ${problem.message}` };
}
