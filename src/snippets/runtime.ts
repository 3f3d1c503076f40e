// The part of the snippets box that runs in a browser (the embed, the try-it console):
// template programs, the helpers, and code for a request. Nothing reachable from here imports
// Handlebars (runtime.test.ts bundles it to check), so a bundler needs no tree-shaking to keep
// the compiler out. Build-time code uses index.ts, which exports all of this too.
export { helpers } from './helpers.ts';
export { runProgram, piecesToText, MissingValueError, type Helper, type Piece } from './program/run-program.ts';
export { fromSnippetPrograms } from './program/from-programs.ts';
export type { Expr, ProgramSnippet, ProgramTemplate, SnippetPrograms, TemplateNode } from './program/types.ts';
export { renderRequest, GENERATED_GROUP, type RenderRequestOptions } from './render-request.ts';
export type { CompiledSnippets, SnippetVariant, TemplateFn } from './variants.ts';
export { escapeHtml } from './escape-html.ts';
export { applyOverrides, OverrideError, type RawUse } from './overrides.ts';
