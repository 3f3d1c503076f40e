// The try-it console's pure core: no React, no Astro, no node:*. Build-time pieces
// (compileValidators, toTryItProps) and browser pieces share this surface.
// SSE parsing and stream assembly live in the request box (the MCP tools read streams too).
export { createSseParser, createStreamAssembler, tokensPerSecond, type StreamState } from '../request/index.ts';
export { findMedia, formatBytes, type MediaHints, type MediaItem } from './media.ts';
export { pollUntilDone, toStatusRequest, type PollResult, type PollStep } from './poll.ts';
export { createKeyStore, maskKey } from './key-store.ts';
export { type FormField } from './form-fields.ts';
export { fieldText, multipartValues, paramValues, setField, toSendable } from './spec-edit.ts';
export { sendRequest, type ResponseHead, type SendOutcome } from './send.ts';
export { HIGHLIGHT_LIMIT, highlightJson, prettyJson, PREVIEW_LIMIT, previewOf, toBodyView, type BodyView } from './json-view.ts';
export { toTryItProps, type TryItProps } from './to-props.ts';
export { type ResponseCheck, type ValidatorModule } from './check-response.ts';
export { type ValidatorGroupModule } from './validator-groups.ts';
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
