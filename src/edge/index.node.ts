// The edge box's Node side: building the Worker (esbuild, wrangler config) and running it in
// local workerd (Miniflare), for `npm run build`, `npm run start:edge`, the tests and the bench.
export { buildWorker, COMPATIBILITY_DATE, type WorkerBuild, type WorkerBuildOptions } from './build.node.ts';
export { startLocalWorker, workerVarsFrom, type LocalWorker, type LocalWorkerOptions } from './serve.node.ts';
