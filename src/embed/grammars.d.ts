// Written by the bundler (bundle.node.ts): one lazy import per grammar the snippets use.
declare module 'embed:grammars' {
  import type { LanguageInput } from 'shiki/core';
  export const grammars: Record<string, () => LanguageInput>;
}
