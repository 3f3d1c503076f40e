export type {
  FollowUp, JsonValue, RequestSpec,
} from './types.ts';
export { fromOperation, streams } from './from-operation.ts';
export { followUpOf } from './follow-up.ts';
export { authFor, KEY_PLACEHOLDER } from './auth.ts';
export { fileNameFor, isJson } from './body.ts';
export { exampleFromSchema } from './example-value.ts';
export { toPath, toQueryString, toUrl } from './to-url.ts';
export { toFetchRequest, toHeaderPairs } from './to-fetch-request.ts';
export { RequestError } from './errors.ts';
export { SANDBOX_HEADER } from './sandbox-header.ts';
export { fromBase64, toBase64 } from './base64.ts';
export { getPointer, toDottedPath } from './pointer.ts';
export { paramKey, paramsSchema } from './params-schema.ts';
export { describeRequestErrors, describeResponseErrors, mainProblem, type Problem, type SchemaError } from './schema-errors.ts';
export { describeOperation, responseOf, type OperationRequest, type ResponseShape } from './describe.ts';
export { createSseParser, type SseEvent, type SseParser } from './sse.ts';
export { createStreamAssembler, tokensPerSecond, type StreamAssembler, type StreamFormat, type StreamState } from './stream-assembly.ts';
