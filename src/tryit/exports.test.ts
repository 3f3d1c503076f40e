import { describe, expect, it } from 'vitest';

// The public surface of the tryit box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/tryit/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'CALLBACK_CHANNEL', 'CALLBACK_MESSAGE', 'HIGHLIGHT_LIMIT', 'HISTORY_LIMIT', 'NO_ENVIRONMENT', 'PREVIEW_LIMIT',
      'REFRESH_MARGIN_MS', 'applyEnvironment', 'callbackParams', 'captureValues', 'checkInWorker',
      'createEnvironmentStore', 'createHistory', 'createKeyStore', 'createSseParser', 'createStreamAssembler',
      'describeExpiry', 'dropPending', 'fieldText', 'findMedia', 'flowLabel', 'formatBytes', 'highlightJson', 'maskKey',
      'multipartValues', 'needsRefresh', 'oauthChoices', 'paramValues', 'parseTokenSet', 'pollUntilDone', 'prettyJson',
      'previewOf', 'readPending', 'removeEnvironment', 'reopen', 'routeCallback', 'savePending', 'sendRequest',
      'setField', 'takeArrived', 'toBodyView', 'toHistoryRequest', 'toSendable', 'toStatusRequest', 'toTokenSet',
      'toTryItProps', 'tokensPerSecond', 'upsertEnvironment',
    ]);
  });
  it('src/tryit/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'REACH_LIMIT', 'RUNTIME_HELPERS', 'buildAjvHelper', 'createValidatorCompiler', 'toResponseSchemas', 'validatorGroups',
    ]);
  });
});
