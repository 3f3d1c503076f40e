// The try-it console's pure core: no React, no Astro, no node:*. Build-time pieces
// (compileValidators, toTryItProps) and browser pieces share this surface.
export { createSseParser, type SseEvent, type SseParser } from './sse.ts';
export { createStreamAssembler, tokensPerSecond, type StreamAssembler, type StreamFormat, type StreamState } from './stream-assembly.ts';
export { findMedia, formatBytes, type MediaHints, type MediaItem, type MediaKind } from './media.ts';
export { backoffDelay, DEFAULT_BACKOFF, pollUntilDone, toStatusRequest, type Backoff, type PollDeps, type PollOutcome, type PollResult, type PollStep } from './poll.ts';
export { getPointer, toDottedPath } from './pointer.ts';
export { createKeyStore, maskKey, type KeyStorage, type KeyStore } from './key-store.ts';
export { describeRequestErrors, describeResponseErrors, type Problem, type SchemaError } from './schema-errors.ts';
export { bodyFields, paramFields, type FieldControl, type FieldLocation, type FormField } from './form-fields.ts';
export { fieldText, multipartValues, paramValues, setField, toSendable, toValue } from './spec-edit.ts';
export { isBinary, sendRequest, type ResponseBody, type ResponseHead, type SendDeps, type SendHandlers, type SendOutcome } from './send.ts';
export { HIGHLIGHT_LIMIT, highlightJson, prettyJson, PREVIEW_LIMIT, previewOf, toBodyView, type BodyView } from './json-view.ts';
export { toTryItProps, type AuthField, type ServerChoice, type TryItProps } from './to-props.ts';
export { checkResponse, type ResponseCheck, type ValidatorModule, type Validate } from './check-response.ts';
export { flowLabel, oauthChoices, type OAuthChoice, type OAuthFlowType } from './oauth-choices.ts';
export { describeExpiry, needsRefresh, parseTokenSet, REFRESH_MARGIN_MS, toTokenSet, type TokenSet } from './token-set.ts';
export {
  CALLBACK_CHANNEL, CALLBACK_MESSAGE, callbackParams, dropPending, readPending, routeCallback, savePending, takeArrived, type CallbackRoute,
} from './oauth-callback.ts';
export {
  applyEnvironment, captureValues, createEnvironmentStore, NO_ENVIRONMENT, removeEnvironment, upsertEnvironment,
  type Environment, type EnvironmentState, type EnvironmentStore,
} from './environments.ts';
export { createHistory, HISTORY_LIMIT, reopen, toHistoryRequest, type HistoryEntry, type HistoryStore } from './history.ts';
// The OAuth client itself (oauth4webapi) is a separate browser entry, `oauth.ts`, loaded on demand.
export type { AuthorizationServerJson, ClientCredentials, OAuthDeps, PendingAuthorization } from './oauth-client.ts';
export { checkInWorker } from './check-in-worker.ts';
