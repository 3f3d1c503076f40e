import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToInlineHtml, markdownToPlainText } from './markdown.ts';

describe('markdown', () => {
  it('renders CommonMark + GFM tables, with headings shifted below the page’s own', () => {
    expect(markdownToHtml('# Errors\n\nUse `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |')).toBe(
      '<h3>Errors</h3>\n<p>Use <code>code</code>.</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody></table>',
    );
  });

  it('strips scripts, event handlers and javascript: links from spec text', () => {
    const html = markdownToHtml('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) <a href="https://ok.example">ok</a>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain('<a href="https://ok.example">ok</a>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps the HTML real specs use (Stripe writes <p> and <a>)', () => {
    expect(markdownToHtml('<p>Retrieves an <a href="https://stripe.com/docs/connect">account</a>.</p>')).toBe(
      '<p>Retrieves an <a href="https://stripe.com/docs/connect">account</a>.</p>',
    );
  });

  it('inline: no paragraph, still safe', () => {
    expect(markdownToInlineHtml('Create a **chat** completion')).toBe('Create a <strong>chat</strong> completion');
    expect(markdownToInlineHtml('<b onclick="x()">b</b>')).toBe('<b>b</b>');
  });

  it('plain text for meta descriptions: first paragraph, marks and tags dropped, capped at a word', () => {
    expect(markdownToPlainText('Generates the **next** turn & more.\n\nSecond paragraph.')).toBe('Generates the next turn & more.');
    const long = markdownToPlainText('word '.repeat(100), 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long.endsWith('word…')).toBe(true);
    expect(markdownToPlainText(undefined)).toBe('');
  });

  it('empty input gives empty output, never "undefined"', () => {
    expect(markdownToHtml(undefined)).toBe('');
    expect(markdownToHtml('  ')).toBe('');
    expect(markdownToInlineHtml(undefined)).toBe('');
  });
});
