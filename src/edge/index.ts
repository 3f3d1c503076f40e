// The edge box: the Worker that serves the built site's assets and runs the proxy, the sandbox
// and /mcp on workerd, from the same cores as the Node server. Building and running it locally
// (esbuild, wrangler config, Miniflare) are Node-only: build.node.ts, serve.node.ts.
export { createEdgeApp, SANDBOX_MOUNT, type EdgeApp } from './create-edge-app.ts';
export { createWorker, type WorkerModule } from './worker.ts';
export type { AssetsBinding, EdgeData, RateLimitBinding, WorkerEnv } from './types.ts';
