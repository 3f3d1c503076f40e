export { createHighlighter, getHighlighter, type Highlighter } from './create-highlighter.ts';
export { GRAMMARS, THEMES } from './grammars.ts';
