import { describe, expect, it } from 'vitest';
import { highlightJson, previewOf, toBodyView } from './json-view.ts';

describe('toBodyView', () => {
  it('pretty-prints JSON and keeps other text as it came', () => {
    expect(toBodyView('{"a":[1,true]}', 'application/json')).toEqual({ text: '{\n  "a": [\n    1,\n    true\n  ]\n}', json: true, value: { a: [1, true] } });
    expect(toBodyView('plain', 'text/plain')).toEqual({ text: 'plain', json: false });
    expect(toBodyView('{"a":', 'application/json')).toMatchObject({ json: false, text: '{"a":' });
  });
});

describe('highlightJson', () => {
  it('wraps tokens and escapes markup inside strings', () => {
    expect(highlightJson('{"k<": "<b>", "n": -1.5e3, "t": null}')).toBe(
      '{<span class="tj-key">"k&lt;"</span>: <span class="tj-str">"&lt;b&gt;"</span>, <span class="tj-key">"n"</span>: <span class="tj-num">-1.5e3</span>, <span class="tj-key">"t"</span>: <span class="tj-lit">null</span>}',
    );
  });

  it('highlights a 2 MB body in well under a frame budget per 100 KB', () => {
    const big = JSON.stringify({ data: Array.from({ length: 20_000 }, (_, i) => ({ index: i, embedding: [0.1, -0.2, 0.3] })) }, null, 2);
    expect(big.length).toBeGreaterThan(1_500_000);
    expect(highlightJson(big)).toContain('<span class="tj-num">19999</span>');
  });
});

describe('previewOf', () => {
  it('cuts at a line end below the limit', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const preview = previewOf(text, 50);
    expect(preview.truncated).toBe(true);
    expect(preview.text.length).toBeLessThanOrEqual(50);
    expect(preview.text.endsWith('\n')).toBe(false);
    expect(previewOf('short', 50)).toEqual({ text: 'short', truncated: false });
  });
});
