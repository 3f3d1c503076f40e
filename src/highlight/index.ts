export { createHighlighter, getHighlighter, type Highlighter, type ScopedToken, type ThemedToken } from './create-highlighter.ts';
export { GRAMMARS, THEMES } from './grammars.ts';
