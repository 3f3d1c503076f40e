import type { ApiModel, JsonSchema, Operation } from '../openapi/index.ts';
import { resolveSchema } from '../openapi/index.ts';
import { fromOperation, type RequestOverrides } from './from-operation.ts';
import type { FollowUp, FollowUpParam } from './types.ts';

const DONE = new Set(['completed', 'complete', 'succeeded', 'success', 'successful', 'done', 'finished', 'ready']);
const FAILED = new Set(['failed', 'failure', 'error', 'errored', 'cancelled', 'canceled', 'expired', 'rejected', 'timeout', 'timed_out']);
const STATUS_FIELDS = ['status', 'state'];

/**
 * An async task's poll: the create operation's response `links` name the status operation
 * and which response values feed it; the status schema's enum says when to stop.
 * Undefined when the operation has no link or the target has no status field.
 */
export function followUpOf(api: ApiModel, op: Operation, overrides: Pick<RequestOverrides, 'baseUrl' | 'key'> = {}): FollowUp | undefined {
  for (const response of op.responses.filter((r) => r.status.startsWith('2'))) {
    for (const link of response.links) {
      const target = api.operations.find((o) => o.slug === link.operation);
      if (!target) continue;
      const status = statusOf(api, target);
      if (!status) continue;
      const params: FollowUpParam[] = [];
      const pathParams: Record<string, string> = {};
      for (const [name, expression] of Object.entries(link.parameters)) {
        const pointer = /^\$response\.body#(\/.*)?$/.exec(expression)?.[1];
        if (pointer === undefined) continue;
        const location = target.parameters.find((p) => p.name === name)?.in ?? 'query';
        if (location === 'cookie') continue;
        params.push({ name, in: location, pointer });
        if (location === 'path') pathParams[name] = `<${name.toUpperCase()}>`;
      }
      const request = fromOperation(api, target, { ...overrides, pathParams });
      // The create response supplies these; drop the spec's sample values for them.
      request.query = request.query.filter(([name]) => !params.some((p) => p.in === 'query' && p.name === name));
      request.headers = request.headers.filter(([name]) => !params.some((p) => p.in === 'header' && p.name === name));
      return { link: link.name, request, params, ...status };
    }
  }
  return undefined;
}

function statusOf(api: ApiModel, op: Operation): Pick<FollowUp, 'statusPointer' | 'done' | 'failed'> | undefined {
  for (const response of op.responses.filter((r) => r.status.startsWith('2'))) {
    for (const media of response.content) {
      if (!media.schema) continue;
      const schema = resolveSchema(api.schemas, media.schema);
      for (const field of STATUS_FIELDS) {
        const property = schema.properties?.[field];
        const values = property ? enumOf(api, property) : [];
        const done = values.filter((v) => DONE.has(v.toLowerCase()));
        const failed = values.filter((v) => FAILED.has(v.toLowerCase()));
        if (done.length > 0) return { statusPointer: `/${field}`, done, failed };
      }
    }
  }
  return undefined;
}

function enumOf(api: ApiModel, raw: JsonSchema): string[] {
  const schema = resolveSchema(api.schemas, raw);
  const values = schema.enum ?? schema.oneOf?.flatMap((s) => resolveSchema(api.schemas, s).enum ?? []) ?? [];
  return values.filter((v): v is string => typeof v === 'string');
}
