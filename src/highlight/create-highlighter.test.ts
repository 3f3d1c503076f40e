import { describe, expect, it } from 'vitest';
import { grammars } from '../snippets/index.ts';
import { createHighlighter, GRAMMARS } from './index.ts';

describe('highlighter', () => {
  it('highlights with both themes as CSS variables and loads only the grammars used', async () => {
    const highlighter = await createHighlighter();
    expect(highlighter.loaded()).toEqual([]);
    const html = await highlighter.codeToHtml('print("<b>&")', 'python');
    expect(html).toMatch(/^<pre class="shiki shiki-themes github-light github-dark"/);
    expect(html).toContain('--shiki-light:');
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('&#x3C;b>&#x26;');
    expect(highlighter.loaded()).toContain('python');
    expect(highlighter.loaded()).not.toContain('javascript');
  });

  it('has a grammar for every language a snippet template can be written in', () => {
    for (const grammar of grammars()) expect(Object.keys(GRAMMARS), grammar).toContain(grammar);
  });

  it('names the known grammars when asked for an unknown one', async () => {
    const highlighter = await createHighlighter();
    await expect(highlighter.codeToHtml('x', 'cobol')).rejects.toThrow('no grammar "cobol" for highlighting; known: python, javascript');
  });
});
