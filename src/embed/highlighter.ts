// Shiki's fine-grained core with the JavaScript regex engine (no WebAssembly): the two themes
// load with the core, each grammar only when a snippet in that language needs it. The build
// passes a loader that imports any grammar; the browser bundle passes only the ones we ship.
import { createHighlighterCore, type HighlighterCore, type LanguageInput } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

/** A grammar by Shiki name (`python`, `shellscript`), or undefined when it is not shipped. */
export type GrammarLoader = (grammar: string) => LanguageInput | undefined;

export type HighlighterFor = (grammar: string) => Promise<HighlighterCore>;

export function createLazyHighlighter(loadGrammar: GrammarLoader): HighlighterFor {
  let core: Promise<HighlighterCore> | undefined;
  const loading = new Map<string, Promise<void>>();
  return async (grammar) => {
    core ??= createHighlighterCore({
      engine: createJavaScriptRegexEngine(),
      themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
      langs: [],
    });
    const highlighter = await core;
    if (!loading.has(grammar)) {
      const input = loadGrammar(grammar);
      if (!input) throw new Error(`no grammar "${grammar}" in this bundle`);
      loading.set(grammar, highlighter.loadLanguage(input));
    }
    await loading.get(grammar);
    return highlighter;
  };
}
