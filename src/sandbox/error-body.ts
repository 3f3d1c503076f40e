import { isObject, errorShapeOf, toErrorBody, type ApiModel, type Operation } from '../openapi/index.ts';

export interface SandboxError {
  status: number;
  /** Our code, used when the operation documents no error example for this status. */
  code: string;
  message: string;
  /** The field at fault, e.g. `body.messages[0].role`. */
  field?: string;
  details?: Record<string, unknown>;
}

/**
 * An error in the API's own shape. When the operation documents an example for this status
 * (e.g. a 401 with `AUTH_1007`), that example is the template: its code stays, the message
 * and the field at fault are ours. Otherwise the API's error shape is filled with our code.
 */
export function toSandboxErrorBody(api: ApiModel, operation: Operation | undefined, error: SandboxError): unknown {
  const template = operation === undefined ? undefined : documentedExample(operation, error.status);
  const details = { ...error.details, ...(error.field === undefined ? {} : { field: error.field }) };
  if (template === undefined) {
    return toErrorBody(errorShapeOf(api), { code: error.code, message: error.message, details, param: error.field });
  }
  const body = structuredClone(template) as Record<string, unknown>;
  const inner = 'message' in body ? body : (Object.values(body).find((v) => isObject(v) && 'message' in v) as Record<string, unknown> | undefined);
  if (inner === undefined) return body;
  inner.message = error.message;
  if ('param' in inner) inner.param = error.field ?? null;
  if ('details' in inner) inner.details = details;
  return body;
}

function documentedExample(operation: Operation, status: number): unknown {
  const keys = [String(status), `${String(status)[0]}XX`];
  for (const key of keys) {
    const response = operation.responses.find((r) => r.status.toUpperCase() === key);
    const json = response?.content.find((m) => /json/.test(m.type));
    if (json?.examples[0] !== undefined && isObject(json.examples[0].value)) return json.examples[0].value;
  }
  return undefined;
}

