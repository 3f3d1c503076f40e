import { describe, expect, it } from 'vitest';
import { findMedia, formatBytes } from './media.ts';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('findMedia', () => {
  it('finds a base64 PNG by its magic bytes, with its decoded size', () => {
    const items = findMedia({ created: 1, data: [{ b64_json: PNG, revised_prompt: 'a city' }] });
    expect(items).toEqual([{ kind: 'image', src: `data:image/png;base64,${PNG}`, pointer: '/data/0/b64_json', mediaType: 'image/png', bytes: 68 }]);
  });

  it('uses the schema hint for base64 without known magic', () => {
    const audio = 'A'.repeat(100);
    expect(findMedia({ audio }, { base64Fields: { audio: 'audio/wav' } })[0]).toMatchObject({ kind: 'audio', mediaType: 'audio/wav', bytes: 75 });
    expect(findMedia({ audio })).toEqual([]);
  });

  it('finds links by extension, by field name and by a sibling content type', () => {
    const items = findMedia({
      video_url: 'https://x.test/v/1',
      images: [{ url: 'https://x.test/a.webp?sig=1' }],
      video: { url: 'https://cdn.test/file', content_type: 'video/mp4' },
      docs: 'https://x.test/readme',
    });
    expect(items.map((i) => [i.kind, i.pointer])).toEqual([['video', '/video_url'], ['image', '/images/0/url'], ['video', '/video/url']]);
  });

  it('ignores ordinary text', () => {
    expect(findMedia({ id: 'chatcmpl-1', text: 'hello world '.repeat(20) })).toEqual([]);
  });
});

describe('formatBytes', () => {
  it('picks a unit', () => {
    expect([formatBytes(70), formatBytes(1536), formatBytes(2 * 1024 * 1024)]).toEqual(['70 B', '1.5 KB', '2.0 MB']);
  });
});
