import { expect, it } from 'vitest';

// The public surface of the request box: an accidental export shows up here in review.
it('src/request/index.ts', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual([
    'KEY_PLACEHOLDER', 'RequestError', 'SANDBOX_HEADER', 'authFor', 'describeOperation', 'describeRequestErrors',
    'describeResponseErrors', 'exampleFromSchema', 'fileNameFor', 'followUpOf', 'fromBase64', 'fromOperation',
    'getPointer', 'isJson', 'mainProblem', 'paramKey', 'paramsSchema', 'responseOf', 'streams', 'toBase64',
    'toDottedPath', 'toFetchRequest', 'toHeaderPairs', 'toPath', 'toQueryString', 'toUrl',
  ]);
});
