import type { ApiModel, Operation, Parameter } from '../openapi/index.ts';
import { isObject, resolveSchema } from '../openapi/index.ts';
import { authFor, KEY_PLACEHOLDER } from './auth.ts';
import { bodyFor } from './body.ts';
import { exampleOfParameter } from './example-value.ts';
import { RequestError } from './errors.ts';
import type { HttpVerb, JsonValue, RequestBody, RequestSpec } from './types.ts';

/** What a reader (or a test) changes; everything else comes from the spec's examples. */
export interface RequestOverrides {
  baseUrl?: string;
  key?: string;
  pathParams?: Record<string, string>;
  /** Replaces the query; repeat a name for arrays. */
  query?: Array<[string, string]>;
  /** Added after the spec's headers; a header of the same name replaces the spec's. */
  headers?: Array<[string, string]>;
  body?: RequestBody;
  /** Name of the request body example to start from. */
  example?: string;
  /** Ask for a streamed response: also sets `stream: true` in a JSON body that has the field. */
  stream?: boolean;
}

export function fromOperation(api: ApiModel, op: Operation, overrides: RequestOverrides = {}): RequestSpec {
  const where = `${api.file} ${op.method.toUpperCase()} ${op.path}`;
  const baseUrl = (overrides.baseUrl ?? op.servers[0]?.url ?? api.servers[0]?.url ?? '').replace(/\/+$/, '');
  const pathParams: Record<string, string> = {};
  const query: Array<[string, string]> = [];
  const headers: Array<[string, string]> = [];
  for (const param of op.parameters) {
    if (param.in === 'path') pathParams[param.name] = overrides.pathParams?.[param.name] ?? scalar(exampleOfParameter(api.schemas, param)) ?? placeholder(param.name);
    else if (param.in === 'query' && param.required) query.push(...queryPairs(param, exampleOfParameter(api.schemas, param)));
    else if (param.in === 'header' && param.required) headers.push([param.name, scalar(exampleOfParameter(api.schemas, param)) ?? placeholder(param.name)]);
  }
  for (const name of Object.keys(overrides.pathParams ?? {})) {
    if (!(name in pathParams)) throw new RequestError(where, `there is no path parameter "${name}"; the path has ${Object.keys(pathParams).map((n) => `{${n}}`).join(', ') || 'none'}.`);
  }
  let body = overrides.body ?? bodyFor(api, op, overrides.example);
  const canStream = streams(op);
  if (overrides.stream !== undefined && body?.kind === 'json' && isObject<JsonValue>(body.value) && hasStreamField(api, op)) {
    body = { ...body, value: { ...body.value, stream: overrides.stream } };
  }
  const streamInBody = body?.kind === 'json' && isObject<JsonValue>(body.value) && body.value.stream === true;
  return {
    api: api.id,
    operation: op.slug,
    method: op.method.toUpperCase() as HttpVerb,
    baseUrl,
    path: op.path,
    pathParams,
    query: overrides.query ?? query,
    headers: mergeHeaders(headers, overrides.headers ?? []),
    auth: authFor(api, op, overrides.key ?? KEY_PLACEHOLDER),
    body,
    stream: canStream && (overrides.stream ?? (streamInBody || !hasJsonSuccess(op))),
  };
}

/** The operation can answer with Server-Sent Events. */
export function streams(op: Operation): boolean {
  return op.responses.some((r) => r.status.startsWith('2') && r.content.some((c) => c.type === 'text/event-stream'));
}

function hasJsonSuccess(op: Operation): boolean {
  return op.responses.some((r) => r.status.startsWith('2') && r.content.some((c) => c.type !== 'text/event-stream'));
}

function hasStreamField(api: ApiModel, op: Operation): boolean {
  const media = op.requestBody?.content.find((c) => c.schema);
  if (!media?.schema) return false;
  const schema = resolveSchema(api.schemas, media.schema);
  return Boolean(schema.properties?.stream) || (media.examples[0]?.value as Record<string, unknown> | undefined)?.stream !== undefined;
}

/** Form style: arrays repeat the name unless `explode: false` joins them with commas. */
function queryPairs(param: Parameter, value: JsonValue | undefined): Array<[string, string]> {
  if (value === undefined || value === null) return [[param.name, placeholder(param.name)]];
  if (Array.isArray(value)) {
    if (param.explode === false) return [[param.name, value.map((v) => scalar(v) ?? '').join(',')]];
    return value.map((v) => [param.name, scalar(v) ?? ''] as [string, string]);
  }
  return [[param.name, scalar(value) ?? '']];
}

function mergeHeaders(base: Array<[string, string]>, extra: Array<[string, string]>): Array<[string, string]> {
  const replaced = new Set(extra.map(([name]) => name.toLowerCase()));
  return [...base.filter(([name]) => !replaced.has(name.toLowerCase())), ...extra];
}

function scalar(value: JsonValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function placeholder(name: string): string {
  return `<${name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}>`;
}

