import { describe, expect, it } from 'vitest';
import { highlightJson, prettyJson, previewOf, toBodyView } from './json-view.ts';

describe('toBodyView', () => {
  it('parses JSON and keeps other text as it came', () => {
    expect(toBodyView('{"a":[1,true]}', 'application/json')).toEqual({ raw: '{"a":[1,true]}', json: true, value: { a: [1, true] } });
    expect(toBodyView('plain', 'text/plain')).toEqual({ raw: 'plain', json: false });
    expect(toBodyView('{"a":', 'application/json')).toMatchObject({ json: false, raw: '{"a":' });
  });
});

describe('prettyJson', () => {
  it('prints exactly what JSON.stringify(value, null, 2) prints, from compact or pretty input', () => {
    const value = { a: [1, -2.5e3, true, null, { b: 'x, "y": [z]', e: {}, f: [] }], 'k\\"': 'a\\b', u: 'é\u2028', n: [[]] };
    const expected = JSON.stringify(value, null, 2);
    expect(prettyJson(JSON.stringify(value))).toEqual({ text: expected, truncated: false });
    expect(prettyJson(expected).text).toBe(expected);
    expect(prettyJson(JSON.stringify(value, null, '\t')).text).toBe(expected);
  });

  it('stops at the limit on a line end, costing only the part it prints', () => {
    const big = JSON.stringify({ data: Array.from({ length: 50_000 }, (_, i) => ({ index: i })) });
    const head = prettyJson(big, 1000);
    expect(head.truncated).toBe(true);
    expect(head.text.length).toBeLessThanOrEqual(1000);
    expect(JSON.stringify(JSON.parse(big), null, 2).startsWith(head.text)).toBe(true);
  });
});

describe('highlightJson', () => {
  it('wraps tokens and escapes markup inside strings', () => {
    expect(highlightJson('{"k<": "<b>", "n": -1.5e3, "t": null}')).toBe(
      '{<span class="tj-key">&quot;k&lt;&quot;</span>: <span class="tj-str">&quot;&lt;b&gt;&quot;</span>, <span class="tj-key">&quot;n&quot;</span>: <span class="tj-num">-1.5e3</span>, <span class="tj-key">&quot;t&quot;</span>: <span class="tj-lit">null</span>}',
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
