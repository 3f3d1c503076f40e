import { createHighlighterCore, type LanguageRegistration, type ThemeRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { grammars } from '../snippets/index.ts';
import { createHighlighter, GRAMMARS, THEMES } from './index.ts';

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

  it('gives tokens with both colours, and the scopes of each piece', async () => {
    const highlighter = await createHighlighter();
    const [line] = await highlighter.codeToTokens('const a = "x";', 'javascript');
    expect(line.map((t) => t.text).join('')).toBe('const a = "x";');
    expect(line.find((t) => t.text === 'const')).toMatchObject({ light: '#d73a49', dark: '#f97583', style: 0 });
    const [scoped] = await highlighter.codeToScopes('const a = "x";', 'javascript');
    expect(scoped.find((t) => t.text === 'x')?.scopes.at(-1)).toBe('string.quoted.double.js');
    expect(highlighter.themes.light).toEqual({ name: 'github-light', fg: '#24292e', bg: '#fff' });
  });

  it('has a grammar for every language a snippet template can be written in', () => {
    for (const grammar of grammars()) expect(Object.keys(GRAMMARS), grammar).toContain(grammar);
  });

  it('names the known grammars when asked for an unknown one', async () => {
    const highlighter = await createHighlighter();
    await expect(highlighter.codeToHtml('x', 'cobol')).rejects.toThrow('no grammar "cobol" for highlighting; known: python, javascript');
  });
});

// The colour difference seen under CPU load (issue 11): vscode-textmate gives up on a line after
// `tokenizeTimeLimit` ms of wall-clock time (500 in Shiki) and leaves the rest of it unscoped.
// A clock that jumps a second between reads is what a descheduled process sees; colours must not change.
describe('highlighting does not depend on the clock', () => {
  afterEach(() => vi.restoreAllMocks());
  const CODE = [
    'import OpenAI from "openai";',
    'const client = new OpenAI({ apiKey: "super", baseURL: "https://api.example.com/v1" });',
    'const result = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "Hi" }] });',
    'console.log(result.choices[0].message.content);',
  ].join('\n');
  const jumpingClock = () => {
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
  };

  it('gives the same tokens, scopes and HTML when every clock read is a second later', async () => {
    const highlighter = await createHighlighter();
    const calm = [await highlighter.codeToTokens(CODE, 'javascript'), await highlighter.codeToScopes(CODE, 'javascript'), await highlighter.codeToHtml(CODE, 'javascript')];
    jumpingClock();
    const busy = [await highlighter.codeToTokens(CODE, 'javascript'), await highlighter.codeToScopes(CODE, 'javascript'), await highlighter.codeToHtml(CODE, 'javascript')];
    expect(busy).toEqual(calm);
  });

  it("(control) Shiki's default time limit colours the same code differently under that clock", async () => {
    const [light, dark] = await Promise.all([THEMES.light.load(), THEMES.dark.load()]);
    const core = await createHighlighterCore({ themes: [light.default as ThemeRegistration, dark.default as ThemeRegistration], langs: [], engine: createJavaScriptRegexEngine() });
    await core.loadLanguage((await GRAMMARS.javascript()).default as LanguageRegistration[]);
    const colours = () => core.codeToTokensBase(CODE, { lang: 'javascript', theme: THEMES.light.name }).map((line) => line.map((t) => `${t.content}:${t.color}`));
    const calm = colours();
    jumpingClock();
    expect(colours()).not.toEqual(calm);
  });
});
