// Browser: snippet programs (JSON from `toSnippetPrograms`) as compiled templates, so
// `renderRequest` runs on them exactly as it runs on Handlebars' at build time.
import { SnippetError } from '../errors.ts';
import { helpers } from '../helpers.ts';
import { toMissingValueError } from '../render-error.ts';
import type { CompiledSnippets } from '../variants.ts';
import { MissingValueError, piecesToText, runProgram, type Helper } from './run-program.ts';
import type { SnippetPrograms } from './types.ts';

const HELPERS = helpers as unknown as Record<string, Helper>;

/** The browser's `compileSnippets`: errors name the template file and line as the build's do. */
export function fromSnippetPrograms(programs: SnippetPrograms): CompiledSnippets {
  const compiled: CompiledSnippets = {};
  for (const snippet of Object.values(programs.snippets)) {
    for (const t of snippet.templates) {
      compiled[`${snippet.id}/${t.alias}`] = (context) => {
        try {
          return piecesToText(runProgram(t.program, context, HELPERS));
        } catch (error) {
          if (error instanceof MissingValueError) throw toMissingValueError(error.variable, error.line, t.file, snippet.configFile);
          throw new SnippetError(t.file, undefined, (error as Error).message);
        }
      };
    }
  }
  return compiled;
}
