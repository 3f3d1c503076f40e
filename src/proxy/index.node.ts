// Node-only exports of the proxy box: its node:http handler, the upstream pool, and a Fetch
// `fetch` on undici for the Fetch core under `astro dev`.
export { createNodeProxyHandler, type NodeProxyDeps } from './node-handler.node.ts';
export { createClientErrorHandler } from './client-error.node.ts';
export { createUpstreamAgent, type UpstreamAgentOptions } from './upstream-agent.node.ts';
export { createNodeFetch } from './fetch.node.ts';
