// Checking an answer against its documented schema runs on Ajv itself in the browser, not on
// build-time code like the request's: response schemas reach far more of a spec (Stripe's
// reach nearly all of its 775 named schemas), and their compiled code is about thirty times
// the size of the schemas and seconds of build per spec. So each API gets one JSON file of its
// named schemas and its operations' response schemas, fetched when the first answer arrives,
// and Ajv compiles only the schema that applies, in a worker (response-check.worker.ts).
import type { ApiModel } from '../openapi/index.ts';
import { createAjv, toAjvComponents, toAjvSchema, type AjvComponents } from './ajv-setup.ts';
import { checkValues, pickResponse, type ResponseCheck, type Validate } from './check-response.ts';

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

/** Checks answers of any operation of the API; each documented response is compiled on its first answer. */
export function createResponseChecker(schemas: ResponseSchemas): ResponseChecker {
  const ajv = createAjv(schemas.components);
  const compiled = new Map<string, Validate>();
  return (operation, status, contentType, values) => {
    const documented = schemas.operations[operation] ?? {};
    const against = pickResponse(Object.keys(documented), status, contentType);
    if (!against) return { problems: [] };
    const key = `${operation} ${against}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(documented[against] as object) as Validate;
      compiled.set(key, validate);
    }
    return checkValues(against, validate, values);
  };
}
