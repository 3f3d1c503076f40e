// A snippet's languages in tab order, each run through its compiled template. No Handlebars
// here: the templates arrive compiled (at build) or as programs (in the browser).
import type { Language } from './languages.ts';
import type { SnippetSource, TemplateSource } from './registry.ts';

/** A rendered template: context in, code out. */
export type TemplateFn = (context: Record<string, unknown>) => string;

/** Templates by `group.name/alias`: from `compileSnippets` at build time, `fromSnippetPrograms` in the browser. */
export type CompiledSnippets = Record<string, TemplateFn>;

/** What rendering reads of a snippet: a registry entry, or its browser copy with programs for sources. */
export type SnippetShape = Pick<SnippetSource, 'id' | 'group' | 'name' | 'configFile' | 'config'> & {
  templates: Array<Pick<TemplateSource, 'alias' | 'language' | 'file'>>;
};

export interface SnippetVariant {
  /** Template file stem: `py`, `sh`; for generated clients `openai.py`. */
  key: string;
  language: Language;
  label: string;
  code: string;
}

const ORDER = ['shell', 'python', 'javascript', 'typescript', 'go', 'java', 'kotlin', 'ruby', 'php', 'csharp', 'rust', 'swift', 'http', 'json', 'html'];

export function run(compiled: CompiledSnippets, key: string, context: Record<string, unknown>): string {
  const template = compiled[key];
  if (!template) throw new Error(`template ${key} was not compiled; compile the registry it came from.`);
  return template(context);
}

export function sortVariants<T extends SnippetShape>(snippet: T): T['templates'] {
  return [...snippet.templates].sort((a, b) => ORDER.indexOf(a.language.id) - ORDER.indexOf(b.language.id));
}
