import { expect, it } from 'vitest';
import { escapeHtml } from './escape-html.ts';

it('escapes what ends text or an attribute value, and only that', () => {
  expect(escapeHtml(`<a href="x" title='y'>&amp;</a> ok`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; ok');
  expect(escapeHtml('こんにちは {"k": 1}')).toBe('こんにちは {&quot;k&quot;: 1}');
});
