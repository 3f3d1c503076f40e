import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ApiModel, JsonSchema, Operation } from '../openapi/index.ts';
import { mainProblem, paramKey } from '../request/index.ts';
import type { InputProblem, RequestInput } from './read-input.ts';
import { bodyKey, bodySchema, createSandboxAjv, isFormMedia, paramsKey, sandboxParamsSchema } from './request-schemas.ts';

export type RequestValidator = (operation: Operation, input: RequestInput) => InputProblem | undefined;

/** What a compiled validator looks like from outside: Ajv's function, from `compile` or from standalone code. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** One API's validators compiled ahead of time, keyed as in request-schemas.ts (`<slug> params`). */
export type CompiledValidators = Readonly<Record<string, CompiledValidator>>;

/**
 * Validates path, query, header and body values against the operation's schemas with Ajv.
 * Parameters (strings on the wire) and form fields are coerced to their schema types; JSON
 * bodies are not. With `compiled` (the build's standalone code, for runtimes that forbid code
 * generation) nothing is compiled here; without it each operation's validators are compiled
 * on its first request.
 */
export function createRequestValidator(api: ApiModel, compiled?: CompiledValidators): RequestValidator {
  const lookup: Lookup = compiled === undefined ? compileOnDemand(api) : (key) => compiled[key];
  const find = (key: string, schema: () => JsonSchema, coerce: boolean): CompiledValidator => {
    const validate = lookup(key, schema, coerce);
    if (validate === undefined) throw new Error(`${api.id}: no compiled validator for ${key}; rebuild the Worker.`);
    return validate;
  };
  return (operation, input) => {
    const params = find(paramsKey(operation), () => sandboxParamsSchema(api, operation), true);
    const values = paramValues(operation, input);
    if (!params(values)) return toProblem(params.errors, values, 'params');
    keepCoerced(operation, input, values);
    const media = input.media;
    if (media?.schema === undefined || input.body === undefined) return undefined;
    const schema = media.schema;
    const body = find(bodyKey(operation, media.type), () => bodySchema(api, schema), isFormMedia(media.type));
    return body(input.body) ? undefined : toProblem(body.errors, input.body, 'body');
  };
}

type Lookup = (key: string, schema: () => JsonSchema, coerce: boolean) => CompiledValidator | undefined;

function compileOnDemand(api: ApiModel): Lookup {
  const strict = createSandboxAjv(api, false);
  const coercing = createSandboxAjv(api, true);
  const cache = new Map<string, CompiledValidator>();
  return (key, schema, coerce) => {
    let validate = cache.get(key);
    if (validate === undefined) {
      validate = (coerce ? coercing : strict).compile(schema());
      cache.set(key, validate);
    }
    return validate;
  };
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
