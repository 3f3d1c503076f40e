import { createHighlighterCore, type HighlighterCore, type LanguageRegistration, type ThemeRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { GRAMMARS, THEMES } from './grammars.ts';

export interface Highlighter {
  /** Highlighted HTML (`<pre class="shiki shiki-themes ...">`) carrying both themes as CSS variables. */
  codeToHtml(code: string, grammar: string): Promise<string>;
  /** Grammars loaded so far. */
  loaded(): string[];
}

/**
 * Shiki, fine-grained: the core, the JavaScript regex engine (no WebAssembly), two themes
 * and only the grammars asked for, loaded the first time they are used. The same module
 * serves the build and the browser embed.
 */
export async function createHighlighter(): Promise<Highlighter> {
  const [light, dark] = await Promise.all([THEMES.light.load(), THEMES.dark.load()]);
  const core: HighlighterCore = await createHighlighterCore({
    themes: [light.default as ThemeRegistration, dark.default as ThemeRegistration],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  const pending = new Map<string, Promise<void>>();

  function ensure(grammar: string): Promise<void> {
    if (PLAIN.has(grammar)) return Promise.resolve(); // Shiki's own: the code in the theme's frame, no tokens
    let loading = pending.get(grammar);
    if (!loading) {
      const load = GRAMMARS[grammar];
      if (!load) return Promise.reject(new Error(`no grammar "${grammar}" for highlighting; known: ${Object.keys(GRAMMARS).join(', ')}.`));
      loading = load().then((mod) => core.loadLanguage(mod.default as LanguageRegistration[]));
      pending.set(grammar, loading);
    }
    return loading;
  }

  return {
    async codeToHtml(code, grammar) {
      await ensure(grammar);
      // defaultColor: false → every token carries --shiki-light and --shiki-dark; CSS keyed on
      // Starlight's <html data-theme> picks one, so the page follows the theme switch.
      return core.codeToHtml(code, { lang: grammar, themes: { light: THEMES.light.name, dark: THEMES.dark.name }, defaultColor: false });
    },
    loaded: () => core.getLoadedLanguages(),
  };
}

const PLAIN = new Set(['text', 'plaintext', 'txt']);

let shared: Promise<Highlighter> | undefined;

/** One highlighter per process (build) or page (embed). */
export function getHighlighter(): Promise<Highlighter> {
  shared ??= createHighlighter();
  return shared;
}
