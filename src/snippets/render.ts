import { camelizeKeys } from './case.ts';
import { compileTemplate, createCompiler, type TemplateFn } from './compile.ts';
import { toRenderError } from './render-error.ts';
import type { Language } from './languages.ts';
import { getSnippet, type SnippetRegistry, type SnippetSource } from './registry.ts';

/** Templates by `group.name/alias`; from `compileSnippets` at build time or precompiled in the browser. */
export type CompiledSnippets = Record<string, TemplateFn>;

export interface SnippetVariant {
  /** Template file stem: `py`, `sh`; for generated clients `openai.py`. */
  key: string;
  language: Language;
  label: string;
  code: string;
}

export interface RenderedSnippet {
  id: string;
  title: string;
  docs?: string;
  /** The values the templates were rendered with (payload defaults + overrides). */
  values: Record<string, unknown>;
  variants: SnippetVariant[];
}

const ORDER = ['shell', 'python', 'javascript', 'typescript', 'go', 'java', 'kotlin', 'ruby', 'php', 'csharp', 'rust', 'swift', 'http', 'json', 'html'];

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
  const values = { ...snippet.config.payload, ...camelizeKeys(overrides) };
  const variants = sortVariants(snippet).map((t) => {
    // Strict mode misses helper arguments ({{str model}}): check what the template needs first.
    const missing = t.required.find((v) => values[v.name] === undefined);
    if (missing) throw toRenderError(new Error(`"${missing.name}" not defined in [object Object] - ${missing.line}:0`), t.file, snippet.configFile);
    return {
    key: t.alias,
    language: t.language,
    label: t.language.label,
    code: run(compiled, `${snippet.id}/${t.alias}`, values),
    };
  });
  return { id, title: snippet.config.title, docs: snippet.config.docs, values, variants };
}

export function run(compiled: CompiledSnippets, key: string, context: Record<string, unknown>): string {
  const template = compiled[key];
  if (!template) throw new Error(`template ${key} was not compiled; compile the registry it came from.`);
  return template(context);
}

export function sortVariants(snippet: SnippetSource): SnippetSource['templates'] {
  return [...snippet.templates].sort((a, b) => ORDER.indexOf(a.language.id) - ORDER.indexOf(b.language.id));
}
