import { createHighlighterCore, type HighlighterCore, type LanguageRegistration, type ThemeRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { GRAMMARS, THEMES } from './grammars.ts';

/** A piece of a line with its colour in each theme (lower-case hex) and font style bits (1 italic, 2 bold, 4 underline). */
export interface ThemedToken {
  text: string;
  light: string;
  dark: string;
  style: number;
}

/** A piece of a line with the TextMate scopes it sits in, outermost first. */
export interface ScopedToken {
  text: string;
  scopes: string[];
}

export interface Highlighter {
  /** Highlighted HTML (`<pre class="shiki shiki-themes ...">`) carrying both themes as CSS variables. */
  codeToHtml(code: string, grammar: string): Promise<string>;
  /** Per line, tokens coloured for both themes (the embed builds its DOM from these). */
  codeToTokens(code: string, grammar: string): Promise<ThemedToken[][]>;
  /** Per line, the pieces of text with their scopes (the embed finds string contents with these). */
  codeToScopes(code: string, grammar: string): Promise<ScopedToken[][]>;
  /** Grammars loaded so far. */
  loaded(): string[];
  /** Each theme's name, text and background colour (lower-case hex). */
  themes: Record<'light' | 'dark', { name: string; fg: string; bg: string }>;
}

// vscode-textmate stops a line after `tokenizeTimeLimit` ms of wall-clock time (Shiki's default
// is 500) and leaves the rest of it, and the state of the lines after it, unscoped. A busy machine
// or a GC pause then colours the same code differently from one run to the next. Highlighting
// happens at build time or for one snippet in the browser, so no limit: the same code always
// gets the same colours.
const NO_TIME_LIMIT = { tokenizeTimeLimit: 0 } as const;

/**
 * Shiki, fine-grained: the core, the JavaScript regex engine (no WebAssembly), two themes
 * and only the grammars asked for, loaded the first time they are used. The one set-up for the
 * build (HTML for pages, tokens for the embed's payloads) and the embed in the browser.
 */
export async function createHighlighter(): Promise<Highlighter> {
  const [light, dark] = await Promise.all([THEMES.light.load(), THEMES.dark.load()]);
  const core: HighlighterCore = await createHighlighterCore({
    themes: [light.default as ThemeRegistration, dark.default as ThemeRegistration],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  const pending = new Map<string, Promise<void>>();
  const themes = { light: THEMES.light.name, dark: THEMES.dark.name };
  const colours = (name: string) => ({ name, fg: core.getTheme(name).fg.toLowerCase(), bg: core.getTheme(name).bg.toLowerCase() });
  const info = { light: colours(themes.light), dark: colours(themes.dark) };
  const fg = { light: info.light.fg, dark: info.dark.fg };

  function ensure(grammar: string): Promise<void> {
    if (PLAIN.has(grammar)) return Promise.resolve(); // Shiki's own: the code in the theme's frame, no tokens
    let loading = pending.get(grammar);
    if (!loading) {
      const load = GRAMMARS[grammar];
      if (!load) return Promise.reject(new Error(`no grammar "${grammar}" for highlighting; known: ${Object.keys(GRAMMARS).join(', ')}.`));
      loading = load().then((mod) => core.loadLanguage(mod.default as LanguageRegistration[]));
      // A failed load (a chunk the network dropped) may succeed when asked again.
      loading.catch(() => pending.delete(grammar));
      pending.set(grammar, loading);
    }
    return loading;
  }

  return {
    async codeToHtml(code, grammar) {
      await ensure(grammar);
      // defaultColor: false → every token carries --shiki-light and --shiki-dark; CSS keyed on
      // Starlight's <html data-theme> picks one, so the page follows the theme switch.
      return core.codeToHtml(code, { lang: grammar, themes, defaultColor: false, ...NO_TIME_LIMIT });
    },
    async codeToTokens(code, grammar) {
      await ensure(grammar);
      const lines = core.codeToTokensWithThemes(code, { lang: grammar, themes, ...NO_TIME_LIMIT });
      return lines.map((line) => line.map((token) => {
        const l = token.variants.light ?? {};
        const d = token.variants.dark ?? {};
        const style = (l.fontStyle ?? 0) > 0 ? l.fontStyle! : Math.max(0, d.fontStyle ?? 0);
        return { text: token.content, light: (l.color ?? fg.light).toLowerCase(), dark: (d.color ?? fg.dark).toLowerCase(), style };
      }));
    },
    async codeToScopes(code, grammar) {
      await ensure(grammar);
      // One theme: with two, Shiki splits tokens but repeats their explanation.
      const lines = core.codeToTokensBase(code, { lang: grammar, theme: themes.light, includeExplanation: 'scopeName', ...NO_TIME_LIMIT });
      return lines.map((line) => line.flatMap((t) => (t.explanation ?? []).map((e) => ({ text: e.content, scopes: e.scopes.map((s) => s.scopeName) }))));
    },
    loaded: () => core.getLoadedLanguages(),
    themes: info,
  };
}

const PLAIN = new Set(['text', 'plaintext', 'txt']);

let shared: Promise<Highlighter> | undefined;

/** One highlighter per process (build) or page (embed). */
export function getHighlighter(): Promise<Highlighter> {
  shared ??= createHighlighter();
  return shared;
}
