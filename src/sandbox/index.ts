// The sandbox upstream: answers every operation of every spec from the spec alone.
// `serve.node.ts` binds it to a loopback port and is imported by path (Node only).
export { createSandbox, type SandboxHandler } from './create-sandbox.ts';
export type { CompiledValidators } from './validate-request.ts';
// Build time, for runtimes that forbid code generation (the edge Worker).
export { toStandaloneValidators } from './standalone-validators.ts';
