import { registerHelpers, type HelperHost } from './helpers.ts';
import type { CompiledSnippets } from './render.ts';
import type { SnippetRegistry } from './registry.ts';
import { toRenderError } from './render-error.ts';

/** The Handlebars runtime (`handlebars/runtime`): passed in, so this module never pulls in the compiler. */
export interface HandlebarsRuntime extends HelperHost {
  create(): HandlebarsRuntime;
  template(spec: unknown): (context: unknown) => string;
}

/** Templates from `precompileSnippets` output, ready for `renderSnippet` and `renderRequest`. */
export function fromPrecompiled(runtime: HandlebarsRuntime, registry: SnippetRegistry, specs: Record<string, unknown>): CompiledSnippets {
  const env = runtime.create();
  registerHelpers(env);
  const compiled: CompiledSnippets = {};
  for (const snippet of Object.values(registry.snippets)) {
    for (const t of snippet.templates) {
      const key = `${snippet.id}/${t.alias}`;
      if (!(key in specs)) continue;
      const template = env.template(specs[key]);
      compiled[key] = (context) => {
        try {
          return template(context);
        } catch (error) {
          throw toRenderError(error, t.file, snippet.configFile);
        }
      };
    }
  }
  return compiled;
}
