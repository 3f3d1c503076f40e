// Checking an answer against its documented schema happens in the browser, not in build-time
// code like the request's: response schemas reach far more of a spec (Stripe's reach nearly all
// of its 775 named schemas), and Ajv's compiled code for them is about thirty times the size of
// the schemas and seconds of build per spec. So each API gets one JSON file of its named schemas
// and its operations' response schemas, fetched when the first answer arrives, and the schema that
// applies is interpreted (interpret-schema.ts: @cfworker/json-schema, no Ajv, no code generated)
// in a worker (response-check.worker.ts).
import type { ApiModel } from '../openapi/index.ts';
import { toAjvComponents, toAjvSchema, type AjvComponents } from './ajv-schema.ts';
import { checkValues, pickResponse, type ResponseCheck, type Validate } from './check-response.ts';
import { createInterpreter, type FormatDefinitions } from './interpret-schema.ts';

export interface ResponseSchemas {
  components: AjvComponents;
  /** Operation slug → `"<status> <media type>"` → schema (`$ref`s point into `components`). */
  operations: Record<string, Record<string, unknown>>;
}

export function toResponseSchemas(api: ApiModel): ResponseSchemas {
  const operations: ResponseSchemas['operations'] = {};
  for (const op of api.operations) {
    if (op.webhook) continue;
    const documented: Record<string, unknown> = {};
    for (const response of op.responses) {
      for (const content of response.content) if (content.schema) documented[`${response.status} ${content.type}`] = toAjvSchema(content.schema);
    }
    if (Object.keys(documented).length > 0) operations[op.slug] = documented;
  }
  return { components: toAjvComponents(api.schemas), operations };
}

export type ResponseChecker = (operation: string, status: number, contentType: string, values: readonly unknown[]) => ResponseCheck;

/**
 * Checks answers of any operation of the API; each documented response is prepared on its first
 * answer. `formats`: ajv-formats' full set (`fullFormats`), the rules the request checks use.
 */
export function createResponseChecker(schemas: ResponseSchemas, formats: FormatDefinitions): ResponseChecker {
  const interpret = createInterpreter(schemas.components, formats);
  const compiled = new Map<string, Validate>();
  return (operation, status, contentType, values) => {
    const documented = schemas.operations[operation] ?? {};
    const against = pickResponse(Object.keys(documented), status, contentType);
    if (!against) return { problems: [] };
    const key = `${operation} ${against}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = interpret(documented[against]);
      compiled.set(key, validate);
    }
    return checkValues(against, validate, values);
  };
}
