import { expect, it } from 'vitest';

// The public surface of the sandbox box: an accidental export shows up here in review.
it('exports only its public surface', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual(['PNG_BASE64', 'createSandbox']);
});
