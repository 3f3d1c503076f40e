import { describe, expect, it } from 'vitest';

// The public surface of the highlight box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/highlight/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'GRAMMARS', 'THEMES', 'createHighlighter', 'getHighlighter',
    ]);
  });
});
