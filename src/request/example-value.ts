import type { JsonSchema, MediaType, Parameter } from '../openapi/index.ts';
import { sampleValue } from '../openapi/index.ts';
import type { JsonValue } from './types.ts';

/** Requests stay as small as the spec allows: required properties only, shallow. */
const REQUEST_SAMPLE = { properties: 'required', maxDepth: 6 } as const;

/** The value a snippet shows for a media type: its first example, else one built from the schema. */
export function exampleOfMedia(schemas: Record<string, JsonSchema>, media: MediaType): JsonValue | undefined {
  if (media.examples.length > 0) return media.examples[0].value as JsonValue;
  return media.schema ? exampleFromSchema(schemas, media.schema) : undefined;
}

export function exampleOfParameter(schemas: Record<string, JsonSchema>, param: Parameter): JsonValue | undefined {
  if (param.examples.length > 0) return param.examples[0].value as JsonValue;
  // A made-up `string` is worse than a placeholder the reader sees they must fill in.
  return sampleValue(schemas, param.schema, { ...REQUEST_SAMPLE, inventScalars: false }) as JsonValue | undefined;
}

/** A request-sized example of a schema (see `sampleValue` in src/openapi). */
export function exampleFromSchema(schemas: Record<string, JsonSchema>, schema: JsonSchema): JsonValue | undefined {
  return sampleValue(schemas, schema, REQUEST_SAMPLE) as JsonValue | undefined;
}
