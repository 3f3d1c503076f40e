import { describe, expect, it } from 'vitest';

// The public surface of the embed box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/embed/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'EMBED_HEADERS', 'EMBED_PREFIX', 'EMBED_PREFLIGHT_HEADERS', 'HOST_CSS', 'PAYLOAD_VERSION',
      'embeddableIds', 'linesToText', 'toEmbedPayload',
    ]);
  });
  it('src/embed/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'buildEmbed', 'writeEmbed',
    ]);
  });
});
