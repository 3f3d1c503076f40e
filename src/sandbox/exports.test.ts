import { describe, expect, it } from 'vitest';

// The public surface of the sandbox box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/sandbox/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'createSandbox', 'toStandaloneValidators',
    ]);
  });
  it('src/sandbox/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'serveSandbox',
    ]);
  });
});
