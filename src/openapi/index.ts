export type * from './types.ts';
export { HTTP_METHODS } from './types.ts';
export { SpecError, formatSpecError, type SpecLocation } from './errors.ts';
export { fromDocument, type OpenApiDocument, type SourceInfo } from './normalize.ts';
export { resolveSchema, schemaRef, schemaRefName, schemaTypes } from './schema.ts';
export { toSlug, operationSlug } from './slug.ts';
