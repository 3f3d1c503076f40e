export type * from './types.ts';
export { HTTP_METHODS } from './types.ts';
export { SpecError, formatSpecError, type SpecLocation } from './errors.ts';
export { fromDocument, type OpenApiDocument, type SourceInfo } from './normalize.ts';
export { resolveSchema, schemaRef, schemaRefName, schemaTypes } from './schema.ts';
export { mergeAllOf } from './merge-all-of.ts';
export { toSlug, operationSlug, schemaSlugs } from './slug.ts';
export { createRouter, type Router, type RouteResult, type Routable } from './route.ts';
export { errorShapeOf, toErrorBody, DEFAULT_ERROR_SHAPE, type ErrorShape, type ErrorFields } from './error-shape.ts';
