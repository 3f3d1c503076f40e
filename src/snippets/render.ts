import { camelizeKeys } from './case.ts';
import { applyOverrides, OverrideError, type RawUse } from './overrides.ts';
import { SnippetError } from './errors.ts';
import { compileTemplate, createCompiler } from './compile.ts';
import { toMissingValueError } from './render-error.ts';
import { getSnippet, type SnippetRegistry, type SnippetSource } from './registry.ts';
import { run, sortVariants, type CompiledSnippets, type SnippetVariant } from './variants.ts';

export interface RenderedSnippet {
  id: string;
  title: string;
  docs?: string;
  /** The values the templates were rendered with (payload defaults + overrides). */
  values: Record<string, unknown>;
  variants: SnippetVariant[];
}

export function compileSnippets(registry: SnippetRegistry, env = createCompiler()): CompiledSnippets {
  const compiled: CompiledSnippets = {};
  for (const snippet of Object.values(registry.snippets)) {
    for (const t of snippet.templates) compiled[`${snippet.id}/${t.alias}`] = compileTemplate(env, t.source, t.file, snippet.configFile);
  }
  return compiled;
}

/**
 * Renders every language of a named snippet. Overrides win over the payload defaults;
 * kebab-case keys (from `data-*` attributes) are accepted and converted to camelCase.
 */
export function renderSnippet(registry: SnippetRegistry, compiled: CompiledSnippets, id: string, overrides: Record<string, unknown> = {}): RenderedSnippet {
  const snippet = getSnippet(registry, id);
  let values: Record<string, unknown>;
  try {
    values = applyOverrides(snippet.config.payload, camelizeKeys(overrides), rawUses(snippet));
  } catch (error) {
    if (error instanceof OverrideError) throw new SnippetError(snippet.configFile, `override "${error.variable}"`, error.message);
    throw error;
  }
  const variants = sortVariants(snippet).map((t) => {
    // Strict mode misses helper arguments ({{str model}}): check what the template needs first.
    const missing = t.required.find((v) => values[v.name] === undefined);
    if (missing) throw toMissingValueError(missing.name, missing.line, t.file, snippet.configFile);
    return {
    key: t.alias,
    language: t.language,
    label: t.language.label,
    code: run(compiled, `${snippet.id}/${t.alias}`, values),
    };
  });
  return { id, title: snippet.config.title, docs: snippet.config.docs, values, variants };
}

/** Where the snippet's templates print a variable unquoted (see overrides.ts). */
export function rawUses(snippet: Pick<SnippetSource, 'templates'>): RawUse[] {
  return snippet.templates.flatMap((t) => t.raw.map((r) => ({ name: r.name, file: t.file, line: r.line })));
}
