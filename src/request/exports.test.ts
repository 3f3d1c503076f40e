import { describe, expect, it } from 'vitest';

// The public surface of the request box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/request/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'KEY_PLACEHOLDER', 'RequestError', 'SANDBOX_HEADER', 'authFor', 'createSseParser', 'createStreamAssembler', 'describeOperation',
      'describeRequestErrors', 'describeResponseErrors', 'exampleFromSchema', 'fileNameFor', 'followUpOf', 'fromBase64', 'fromOperation',
      'getPointer', 'isJson', 'mainProblem', 'paramKey', 'paramsSchema', 'responseOf', 'streams', 'toBase64',
      'toDottedPath', 'toFetchRequest', 'toHeaderPairs', 'toPath', 'toQueryString', 'toUrl', 'tokensPerSecond',
    ]);
  });
  it('src/request/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'clientGoneSignal', 'fromNodeRequest', 'hasUnreadBody', 'toNodeHandler', 'toWebStream', 'writeNodeResponse',
    ]);
  });
});
