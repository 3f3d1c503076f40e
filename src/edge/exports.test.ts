import { describe, expect, it } from 'vitest';

// The public surface of the edge box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/edge/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual(['SANDBOX_MOUNT', 'createEdgeApp', 'createWorker']);
  });
  it('src/edge/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual(['COMPATIBILITY_DATE', 'buildWorker', 'startLocalWorker', 'workerVarsFrom']);
  });
});
