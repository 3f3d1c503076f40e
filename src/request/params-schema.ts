// The one JSON schema of an operation's parameters: the try-it console compiles it into the
// page's validator, the sandbox checks every request against it. Values are keyed by location
// and declared name (`query:limit`, `header:X-Trace`), so an error's pointer names the field.
import type { JsonSchema, Operation, Parameter } from '../openapi/index.ts';

/** The key of a parameter's value: `path:id`, `query:limit`, `header:X-Trace`. */
export function paramKey(param: Pick<Parameter, 'in' | 'name'>): string {
  return `${param.in}:${param.name}`;
}

/** Cookies are left out: a browser console cannot set them, and the sandbox does not read them. */
export function paramsSchema(op: Operation): JsonSchema {
  const params = op.parameters.filter((p) => p.in !== 'cookie');
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [paramKey(p), p.schema])),
    required: params.filter((p) => p.required).map(paramKey),
  };
}
