import type { ApiModel, JsonSchema } from './types.ts';
import { resolveSchema } from './schema.ts';

/**
 * How an API writes its errors, read from its 4xx responses, so that errors made by our
 * own tools (proxy refusals, sandbox validation) look like the API's own.
 * `{"error": {"code", "message", "details"}}` → `{ envelope: 'error', fields: [code, message, details] }`.
 */
export interface ErrorShape {
  /** Property wrapping the error object, or null when the fields sit at the top level. */
  envelope: string | null;
  /** Property names of the error object, in schema order. */
  fields: string[];
}

export interface ErrorFields {
  code: string;
  message: string;
  details?: unknown;
  /** Used when the API's errors carry a `type` (OpenAI style). */
  type?: string;
  /** Used when the API's errors carry a `param` naming the field at fault. */
  param?: string;
}

export const DEFAULT_ERROR_SHAPE: ErrorShape = { envelope: 'error', fields: ['code', 'message', 'details'] };

/** The error shape used most often by the API's 4xx JSON responses; the default when none is documented. */
export function errorShapeOf(api: Pick<ApiModel, 'operations' | 'schemas'>): ErrorShape {
  const counts = new Map<string, { shape: ErrorShape; n: number }>();
  for (const operation of api.operations) {
    for (const response of operation.responses) {
      if (!/^4/.test(response.status)) continue;
      const json = response.content.find((m) => /json/.test(m.type));
      const shape = json?.schema ? shapeOfSchema(api.schemas, json.schema) : undefined;
      if (shape === undefined) continue;
      const key = JSON.stringify(shape);
      const entry = counts.get(key) ?? { shape, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
  }
  let best: { shape: ErrorShape; n: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.n > best.n) best = entry;
  return best?.shape ?? DEFAULT_ERROR_SHAPE;
}

/**
 * An error body in the API's shape. `code`, `message` and `details` are always written (the
 * first two are what a reader needs, and unknown fields are ignored by clients); `type` and
 * `param` only when the API's errors have them.
 */
export function toErrorBody(shape: ErrorShape, fields: ErrorFields): Record<string, unknown> {
  const inner: Record<string, unknown> = { code: fields.code, message: fields.message };
  if (shape.fields.includes('type')) inner.type = fields.type ?? 'invalid_request_error';
  if (shape.fields.includes('param')) inner.param = fields.param ?? null;
  inner.details = fields.details ?? {};
  return shape.envelope === null ? inner : { [shape.envelope]: inner };
}

function shapeOfSchema(schemas: Record<string, JsonSchema>, schema: JsonSchema): ErrorShape | undefined {
  const outer = resolveSchema(schemas, schema);
  const outerProps = outer.properties ?? {};
  if ('message' in outerProps) return { envelope: null, fields: Object.keys(outerProps) };
  for (const [name, sub] of Object.entries(outerProps)) {
    const inner = resolveSchema(schemas, sub).properties ?? {};
    if ('message' in inner) return { envelope: name, fields: Object.keys(inner) };
  }
  return undefined;
}
