// A Handlebars template as plain data, written at build time (`toProgram`) and run in the
// browser (`runProgram`) by the embed and the try-it console, so neither ships Handlebars.
import type { SnippetConfig } from '../config.ts';
import type { Language } from '../languages.ts';

/** A value in a template program. */
export type Expr =
  /** A lookup: `model`, `poll.seconds`, `../name` (depth 1), `@index` (data). Strict lookups throw when the last part is missing. */
  | { path: string[]; depth: number; data?: true; strict?: true; line: number }
  /** A literal: `"16:9"`, `5`, `true`, `null`; `undefined` is written as `{ lit: null, undef: true }`. */
  | { lit: string | number | boolean | null; undef?: true }
  /** A helper call: `(concat baseUrl "/chat")`, `str model`; `hash` in the order written. */
  | { call: string; args: Expr[]; hash: Array<[string, Expr]> };

/** A Handlebars template as data: text, outputs and the four built-in blocks. */
export type TemplateNode =
  | string
  | { out: Expr }
  | { block: 'if' | 'unless' | 'each' | 'with'; args: Expr[]; hash: Array<[string, Expr]>; body: TemplateNode[]; inverse: TemplateNode[] };

/** A template as the browser gets it: its program in place of its source. */
export interface ProgramTemplate {
  alias: string;
  language: Language;
  file: string;
  program: TemplateNode[];
}

/** A snippet folder as the browser gets it (see `SnippetSource`). */
export interface ProgramSnippet {
  id: string;
  group: string;
  name: string;
  configFile: string;
  config: SnippetConfig;
  templates: ProgramTemplate[];
}

/** Snippets as JSON for the browser: `toSnippetPrograms` at build, `fromSnippetPrograms` in the browser. */
export interface SnippetPrograms {
  root: string;
  snippets: Record<string, ProgramSnippet>;
}
