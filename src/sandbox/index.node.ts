// Node-only side of the sandbox box: binding its Fetch handler to a loopback port.
export { serveSandbox, type ServedSandbox } from './serve.node.ts';
