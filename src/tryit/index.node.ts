// Build-time side of the try-it box (Node): Ajv standalone validators per group of operations, the
// helper modules they import, and the response schemas the console checks answers against.
export { createValidatorCompiler, REACH_LIMIT, RUNTIME_HELPERS, type ValidatorCompiler, type ValidatorCompilerOptions } from './compile-validators.ts';
export { buildAjvHelper } from './ajv-runtime.node.ts';
export { validatorGroups } from './validator-groups.ts';
export { toResponseSchemas } from './response-schemas.ts';
