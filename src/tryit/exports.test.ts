import { describe, expect, it } from 'vitest';

// The public surface of the tryit box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/tryit/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'HIGHLIGHT_LIMIT', 'PREVIEW_LIMIT', 'checkInWorker', 'createKeyStore', 'createSseParser', 'createStreamAssembler',
      'fieldText', 'findMedia', 'formatBytes', 'highlightJson', 'maskKey', 'multipartValues', 'paramValues',
      'pollUntilDone', 'prettyJson', 'previewOf', 'sendRequest', 'setField', 'toBodyView', 'toSendable',
      'toStatusRequest', 'toTryItProps', 'tokensPerSecond',
  ]);
  });
  it('src/tryit/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'RUNTIME_HELPERS', 'buildAjvHelper', 'createValidatorCompiler', 'toResponseSchemas',
    ]);
  });
});
