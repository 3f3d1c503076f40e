import { expect, it } from 'vitest';

// The public surfaces of the AI box (the edge Worker imports createMcpHandler and DATA_FILE):
// an accidental export shows up here in review.
it('exports only its public surface', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual([
    'DATA_FILE', 'GUIDE_GROUPS', 'MCP_PATH', 'apiLlmsTxt', 'buildAiData', 'createMcpHandler', 'llmsFullTxt', 'operationTwin', 'pageUrlOf', 'siteLlmsTxt', 'toDataFile', 'twinFile', 'twinUrlOf',
  ]);
});

it('exports only its Node surface', async () => {
  expect(Object.keys(await import('./index.node.ts')).sort()).toEqual(['getAiData', 'readAiData']);
});
