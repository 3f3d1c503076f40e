// `npm run start:edge` (after `npm run build`): the built Worker in local workerd on
// http://127.0.0.1:8787 (EDGE_HOST / EDGE_PORT), offline, with the sandbox for every API
// without `API_BASE_URL_<ID>`. The README's variables are read from this process's env.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalWorker, workerVarsFrom } from './serve.node.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const configPath = join(root, 'dist', 'worker', 'wrangler.json');
const host = process.env.EDGE_HOST ?? '127.0.0.1';
const port = Number(process.env.EDGE_PORT ?? 8787);

if (!existsSync(configPath)) {
  console.error(`No built Worker at ${configPath}: run npm run build first.`);
  process.exit(1);
}
let worker;
try {
  worker = await startLocalWorker({ configPath, host, port, vars: workerVarsFrom(process.env) });
} catch (error) {
  console.error(`Cannot start workerd on ${host}:${port}: ${(error as Error).message}`);
  process.exit(1);
}
// The first request sets the Worker up: it prints where each API goes, or what is misconfigured.
const warm = await fetch(`${worker.url}/sandbox/`);
if (warm.status === 500) {
  const { error } = (await warm.json()) as { error: { message: string } };
  console.error(error.message);
  await worker.close();
  process.exit(1);
}
await warm.body?.cancel();
console.log(`Worker on ${worker.url}/ in workerd (proxy at /api/proxy/<api>/…, sandbox at /sandbox/<api>/…, MCP at /mcp)`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  worker.close().finally(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
