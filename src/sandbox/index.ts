// The sandbox upstream: answers every operation of every spec from the spec alone.
// `serve.node.ts` binds it to a loopback port and is imported by path (Node only).
export { createSandbox } from './create-sandbox.ts';
