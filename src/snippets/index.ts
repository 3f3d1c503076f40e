export type { SnippetConfig } from './config.ts';
export { parseConfig } from './config.ts';
export { SnippetError } from './errors.ts';
export { kebabToCamel, camelizeKeys } from './case.ts';
export { languageOf, grammars, type Language } from './languages.ts';
export { createRegistry, getSnippet, type SnippetRegistry, type SnippetSource, type SourceFile, type TemplateSource } from './registry.ts';
export { compileSnippets, renderSnippet, type RenderedSnippet } from './render.ts';
export type { CompiledSnippets, SnippetVariant, TemplateFn } from './variants.ts';
export { createCompiler, COMPILE_OPTIONS } from './compile.ts';
export { registerHelpers, helpers, type HelperHost } from './helpers.ts';
export { renderRequest, GENERATED_GROUP, type RenderRequestOptions } from './render-request.ts';
export { toRequestView, type RequestView, type PollView, type PollVariable } from './request-view.ts';
export { sdkCallOf, type SdkCall } from './sdk.ts';
export { toJavaScript, toJson, toPython, toShell, toStringLiteral } from './literals.ts';
// Template programs: written at build time, run in the browser (see runtime.ts).
export { toProgram, toSnippetPrograms } from './program/to-program.ts';
export { runProgram, piecesToText, MissingValueError, type Helper, type Piece } from './program/run-program.ts';
export { fromSnippetPrograms } from './program/from-programs.ts';
export type { Expr, ProgramSnippet, ProgramTemplate, SnippetPrograms, TemplateNode } from './program/types.ts';
