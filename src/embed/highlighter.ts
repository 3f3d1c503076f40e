// Shiki's fine-grained core with the JavaScript regex engine (no WebAssembly), on the highlight
// box's grammar and theme loaders: the two themes load with the core, each grammar only when
// a snippet in that language needs it. The embed needs tokens (it builds the DOM itself and
// marks editable strings), which the highlight box's HTML API does not give, hence the core.
import { createHighlighterCore, type HighlighterCore, type LanguageRegistration, type ThemeRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { GRAMMARS, THEMES } from '../highlight/index.ts';

type Loader = () => Promise<{ default: unknown }>;

export type HighlighterFor = (grammar: string) => Promise<HighlighterCore>;

export function createLazyHighlighter(grammars: Record<string, Loader> = GRAMMARS): HighlighterFor {
  let core: Promise<HighlighterCore> | undefined;
  const loading = new Map<string, Promise<void>>();
  return async (grammar) => {
    core ??= Promise.all([THEMES.light.load(), THEMES.dark.load()]).then(([light, dark]) =>
      createHighlighterCore({
        engine: createJavaScriptRegexEngine(),
        themes: [light.default as ThemeRegistration, dark.default as ThemeRegistration],
        langs: [],
      }),
    );
    const highlighter = await core;
    if (!loading.has(grammar)) {
      const load = grammars[grammar];
      if (!load) throw new Error(`no grammar "${grammar}" for highlighting; known: ${Object.keys(grammars).join(', ')}.`);
      loading.set(grammar, load().then((mod) => highlighter.loadLanguage(mod.default as LanguageRegistration[])));
    }
    await loading.get(grammar);
    return highlighter;
  };
}
