import { describe, expect, it } from 'vitest';

// The public surface of the openapi box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/openapi/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'CHANGE_RULES', 'DEFAULT_ERROR_SHAPE', 'allowPrivateEnvName', 'createRouter', 'createSlugRegistry', 'decodePointerToken', 'decodeRefToken', 'diffApis', 'encodePointerToken', 'errorShapeOf', 'fromDocument', 'isObject',
      'matchOperations', 'mergeAllOf', 'resolveSchema', 'sampleValue', 'schemaRef', 'schemaRefName', 'schemaSlugs', 'schemaTypes',
      'sortVersions', 'toErrorBody', 'toSlug', 'upstreamEnvName',
    ]);
  });
  it('src/openapi/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'apiId', 'loadApis', 'loadApisCached', 'specsDir', 'versionFiles',
    ]);
  });
});
