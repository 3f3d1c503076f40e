import Handlebars from 'handlebars';
import { COMPILE_OPTIONS } from './compile.ts';
import type { SnippetRegistry } from './registry.ts';

/**
 * Build time: every template of the registry precompiled, as the source of an ES module
 * (`export default { "group.name/alias": {...} }`). The browser then needs only the
 * Handlebars runtime (`fromPrecompiled`), not the compiler.
 */
export function precompileSnippets(registry: SnippetRegistry): string {
  const entries: string[] = [];
  for (const snippet of Object.values(registry.snippets)) {
    for (const t of snippet.templates) {
      entries.push(`  ${JSON.stringify(`${snippet.id}/${t.alias}`)}: ${Handlebars.precompile(t.source, COMPILE_OPTIONS)}`);
    }
  }
  return `export default {\n${entries.join(',\n')}\n};\n`;
}
