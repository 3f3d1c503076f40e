// Swagger 2.0 documents are converted to OpenAPI 3.0 when they load, then treated like any
// 3.x spec. The converter is Scalar's @scalar/openapi-upgrader: pure (no Node, no network),
// two small dependencies, released monthly. swagger2openapi, the older choice, pulls
// node-fetch, yargs and a resolver that fetches remote $refs, and has had no release since 2024.
// 3.0 rather than 3.1: Swagger's schema dialect is 3.0's (`nullable`-style, boolean
// `exclusiveMinimum`), which the normalizer already rewrites, and 3.0's validator is stricter.
import { upgrade } from '@scalar/openapi-upgrader';
import type { OpenApiDocument } from './normalize.ts';

type Json = Record<string, unknown>;

/** `swagger: "2.0"` at the top. */
export function isSwagger2(doc: Json): boolean {
  return typeof doc.swagger === 'string' && doc.swagger.startsWith('2.');
}

/** An OpenAPI 3.0 copy of a Swagger 2.0 document; the argument is left as it was. */
export function fromSwagger(doc: Json): OpenApiDocument {
  const converted = upgrade(structuredClone(doc), '3.0') as unknown as Json;
  finishSchemas(converted);
  return converted as unknown as OpenApiDocument;
}

/**
 * What the converter leaves invalid for 3.0: Swagger's `discriminator: petType` (3.0 wants
 * `{ propertyName }`), the common `x-nullable: true` extension (3.0's `nullable`), and the
 * `required: []` it writes into form schemas (3.0 wants at least one name).
 */
function finishSchemas(node: unknown): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    const o = current as Json;
    if (Array.isArray(o.required) && o.required.length === 0) delete o.required;
    if (typeof o.discriminator === 'string') o.discriminator = { propertyName: o.discriminator };
    if (o['x-nullable'] === true && o.nullable === undefined) {
      o.nullable = true;
      delete o['x-nullable'];
    }
    stack.push(...Object.values(o));
  }
}
