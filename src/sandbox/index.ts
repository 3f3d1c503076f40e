// The sandbox upstream: answers every operation of every spec from the spec alone.
// `serve.node.ts` binds it to a loopback port and is imported by path (Node only).
export { createSandbox, type SandboxHandler, type SandboxOptions } from './create-sandbox.ts';
export { PNG_BASE64 } from './binary.ts';
