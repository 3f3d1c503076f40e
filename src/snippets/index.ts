export { SnippetError } from './errors.ts';
export { grammars } from './languages.ts';
export { getSnippet, type SnippetRegistry } from './registry.ts';
export { compileSnippets, renderSnippet, rawUses } from './render.ts';
export { applyOverrides, OverrideError, type RawUse } from './overrides.ts';
export type { CompiledSnippets, SnippetVariant, TemplateFn } from './variants.ts';
export { helpers } from './helpers.ts';
export { renderRequest, GENERATED_GROUP } from './render-request.ts';
export { escapeHtml } from './escape-html.ts';
// Template programs: written at build time, run in the browser (see runtime.ts).
export { toProgram, toSnippetPrograms } from './program/to-program.ts';
export { runProgram, piecesToText, MissingValueError, type Helper, type Piece } from './program/run-program.ts';
export { fromSnippetPrograms } from './program/from-programs.ts';
export type { Expr, ProgramSnippet, ProgramTemplate, SnippetPrograms, TemplateNode } from './program/types.ts';
export { sampleLanguage, checkableSample, pointSampleAt, type CheckableSample } from './code-samples.ts';
