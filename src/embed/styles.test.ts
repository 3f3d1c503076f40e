import { describe, expect, it } from 'vitest';
import { HOST_CSS, THEME_COLORS, WIDGET_CSS } from './styles.ts';
import { toSnippetId } from './load-payload.ts';
import { createHighlighter } from '../highlight/index.ts';

describe('embed styles', () => {
  it('use the foreground and background of the two themes the tokens are coloured with', async () => {
    const highlighter = await createHighlighter();
    for (const mode of ['light', 'dark'] as const) {
      expect(THEME_COLORS[mode].fg, mode).toBe(highlighter.themes[mode].fg);
      expect(THEME_COLORS[mode].bg, mode).toBe(highlighter.themes[mode].bg);
    }
  });

  it('touch only the snippet elements on the host page, and reset the widget host', () => {
    expect(HOST_CSS.trim()).toBe('snippet[data-name],[data-snippet]{display:block}');
    expect(WIDGET_CSS).toContain(':host{all:initial!important;display:block!important;');
  });
});

describe('snippet names', () => {
  it('accepts group.name, with the seed bundle\'s _ → - and any case', () => {
    expect(toSnippetId('open-ai.chat-completion')).toBe('open-ai.chat-completion');
    expect(toSnippetId(' Open_AI.Chat_Completion ')).toBe('open-ai.chat-completion');
  });

  it.each(['', 'chat', 'a.b.c', '../../etc/passwd', 'a/b.c', 'a.b?x=1', '_generated.http', 'a..b'])('refuses %j', (name) => {
    expect(() => toSnippetId(name)).toThrow(/is not a snippet name; names look like group\.name, e\.g\. open-ai\.chat-completion\./);
  });
});

