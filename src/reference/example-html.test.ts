import { describe, expect, it } from 'vitest';
import { exampleToHtml, highlightJson } from './example-html.ts';

describe('example HTML', () => {
  it('colours keys, strings, numbers and literals, and escapes the rest', () => {
    expect(highlightJson('{"a": "<b>", "n": -1.5e3, "t": true, "z": null}')).toBe(
      '{<span class="j-k">&quot;a&quot;</span>: <span class="j-s">&quot;&lt;b&gt;&quot;</span>, <span class="j-k">&quot;n&quot;</span>: <span class="j-n">-1.5e3</span>, <span class="j-k">&quot;t&quot;</span>: <span class="j-l">true</span>, <span class="j-k">&quot;z&quot;</span>: <span class="j-l">null</span>}',
    );
  });

  it('strings with escaped quotes stay one token', () => {
    expect(highlightJson('"say \\"hi\\""')).toBe('<span class="j-s">&quot;say \\&quot;hi\\&quot;&quot;</span>');
  });

  it('a string example (an SSE stream) is shown as its lines, field names marked, data payloads coloured', () => {
    expect(exampleToHtml('event: ping\ndata: {"a":1}\n\ndata: [DONE]\n\n').html).toBe(
      '<span class="j-f">event:</span> ping\n<span class="j-f">data:</span> {<span class="j-k">&quot;a&quot;</span>:<span class="j-n">1</span>}\n\n<span class="j-f">data:</span> [DONE]\n\n',
    );
    expect(exampleToHtml('plain <text>').html).toBe('plain &lt;text&gt;');
  });

  it('cuts a big example at a line and says how many lines are left out', () => {
    const value = Array.from({ length: 500 }, (_, i) => ({ i }));
    const { html, omitted } = exampleToHtml(value, 1000);
    expect(html.length).toBeLessThan(4000);
    expect(omitted).toBeGreaterThan(1000);
    expect(exampleToHtml({ a: 1 }).omitted).toBe(0);
  });

  it('undefined and circular values never print "undefined" or "[object Object]"', () => {
    expect(exampleToHtml(undefined).html).toBe('<span class="j-l">null</span>');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(exampleToHtml(loop).html).not.toContain('[object Object]');
  });
});
