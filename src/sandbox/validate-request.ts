import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ApiModel, JsonSchema, Operation } from '../openapi/index.ts';
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
    if (!params({ path: input.path, query: input.query, header: input.header })) return toProblem(params.errors, '');
    const media = input.media;
    if (media?.schema === undefined || input.body === undefined) return undefined;
    let body = bodies.get(media.type);
    if (body === undefined) {
      const isForm = media.type === 'multipart/form-data' || media.type === 'application/x-www-form-urlencoded';
      body = (isForm ? coercing : strict).compile(rebase(media.schema, root));
      bodies.set(media.type, body);
    }
    return body(input.body) ? undefined : toProblem(body.errors, 'body');
  };
}

function withSchemas(ajv: Ajv2020, root: string, api: ApiModel): Ajv2020 {
  addFormats(ajv);
  ajv.addSchema({ $id: root, components: { schemas: api.schemas } });
  return ajv;
}

function paramsSchema(operation: Operation): JsonSchema {
  const locations: Record<string, { type: 'object'; properties: Record<string, JsonSchema>; required: string[] }> = {};
  for (const param of operation.parameters) {
    if (param.in === 'cookie') continue;
    const location = (locations[param.in] ??= { type: 'object', properties: {}, required: [] });
    const name = param.in === 'header' ? param.name.toLowerCase() : param.name;
    location.properties[name] = param.schema;
    if (param.required) location.required.push(name);
  }
  return { type: 'object', properties: locations };
}

/** Operation-level `#/components/schemas/X` refs point into the API's registered root. */
function rebase(schema: JsonSchema, root: string): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? root + value : value));
}

/**
 * The error worth showing: the deepest one (a failed `oneOf` reports every branch; the
 * branch that got furthest says most), with the allowed values of all branches merged.
 * `/messages/0/role` → `body.messages[0].role: must be one of "system", "user"`.
 */
function toProblem(errors: ErrorObject[] | null | undefined, prefix: string): InputProblem {
  const all = (errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const depth = (e: ErrorObject) => e.instancePath.split('/').length + (typeof (e.params as { missingProperty?: unknown }).missingProperty === 'string' ? 1 : 0);
  const deepest = all.reduce<ErrorObject | undefined>((best, e) => (best === undefined || depth(e) > depth(best) ? e : best), undefined) ?? errors?.[0];
  if (deepest === undefined) return { status: 400, field: prefix || 'request', message: `${prefix || 'request'}: invalid` };
  const segments = deepest.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = deepest.params as Record<string, unknown>;
  if (typeof params.missingProperty === 'string') segments.push(params.missingProperty);
  if (typeof params.additionalProperty === 'string') segments.push(params.additionalProperty);
  let field = prefix;
  for (const segment of segments) field += /^\d+$/.test(segment) ? `[${segment}]` : field === '' ? segment : `.${segment}`;
  const allowed = new Set<unknown>();
  for (const e of all) {
    if (e.instancePath !== deepest.instancePath) continue;
    const p = e.params as { allowedValue?: unknown; allowedValues?: unknown[] };
    if (e.keyword === 'const') allowed.add(p.allowedValue);
    if (e.keyword === 'enum') for (const v of p.allowedValues ?? []) allowed.add(v);
  }
  const reason =
    typeof params.missingProperty === 'string' ? 'is required'
    : typeof params.additionalProperty === 'string' ? 'is not allowed here'
    : allowed.size > 0 ? `must be one of ${[...allowed].map((v) => JSON.stringify(v)).join(', ')}`
    : deepest.message ?? 'is invalid';
  return { status: 400, field, message: `${field}: ${reason}` };
}
