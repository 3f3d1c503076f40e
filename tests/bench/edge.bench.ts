// CPU per proxied request in workerd (the Worker from `npm run build`'s edge step, run in local
// workerd) against Node (`node src/server/start.node.ts`, what `npm start` runs), in the same
// run, through the same upstream, under the same load. CPU is read from /proc for both server
// processes, so neither is measured from inside. Needs `npm run build` (the Node side serves
// dist/); the Worker is built here with the same code.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { buildWorker, startLocalWorker } from '../../src/edge/index.node.ts';
import { loadApis } from '../../src/openapi/index.node.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PATH = '/api/proxy/melious/v1/models/glm-4.7';
const HEADERS = { authorization: 'Bearer sk-bench' };
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

if (!existsSync(join(root, 'dist/server/entry.mjs'))) {
  console.log('edge bench skipped: no built site (run npm run build first)');
  process.exit(0);
}

/** The upstream: one small JSON answer, kept alive. */
async function startUpstream(): Promise<{ url: string; close(): void }> {
  const json = JSON.stringify({ id: 'glm-4.7', object: 'model', created: 1699999999, owned_by: 'bench' });
  const server = createServer({ keepAliveTimeout: 60_000 }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** utime + stime of a process, in µs. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

/** The workerd processes Miniflare started as children of this process. */
function workerdPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.split(') ')[1].split(' ')[1]);
      if (ppid === process.pid && stat.includes('(workerd)')) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function workerdPid(): number {
  const [pid] = workerdPids();
  if (pid === undefined) throw new Error('no workerd child process found');
  return pid;
}

async function load(origin: string, seconds: number, pid: number): Promise<{ rps: number; cpuUs: number }> {
  const pool = new Pool(origin, { connections: 32, pipelining: 1 });
  let done = 0;
  let failed = 0;
  const run = async (until: number) => {
    while (performance.now() < until) {
      const { statusCode, body } = await pool.request({ method: 'GET', path: PATH, headers: HEADERS });
      await body.text();
      if (statusCode === 200) done++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: 32 }, () => run(performance.now() + 1000))); // warm-up
  done = 0;
  const cpu0 = cpuOf(pid);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 32 }, () => run(t0 + seconds * 1000)));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuOf(pid);
  await pool.close();
  if (failed > 0) throw new Error(`${origin}: ${failed} requests did not answer 200`);
  return { rps: done / elapsed, cpuUs: (cpu1 - cpu0) / done };
}

const upstream = await startUpstream();
const vars = {
  API_BASE_URL_MELIOUS: upstream.url, API_ALLOW_PRIVATE_MELIOUS: '1', PROXY_LOG: 'off',
  PROXY_RATE_LIMIT_PER_MINUTE: '1000000000', PROXY_MAX_STREAMS: '5000', PROXY_MAX_STREAMS_PER_CLIENT: '5000',
};

// Node: what `npm start` runs, on a free port.
const port = 4900 + Math.floor(Math.random() * 90);
const node: ChildProcess = spawn(process.execPath, ['src/server/start.node.ts'], { cwd: root, env: { ...process.env, ...vars, PORT: String(port), SANDBOX_PORT: String(port + 1) }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  node.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Site on') && resolve());
  node.once('exit', (code) => reject(new Error(`start.node.ts exited with ${code}`)));
});

// workerd: the Worker built from the same spec.
const dir = mkdtempSync(join(tmpdir(), 'edge-bench-'));
const apis = (await loadApis(join(root, 'openapi'), root)).filter((api) => api.id === 'melious');
const { configPath } = await buildWorker({ apis, outDir: join(dir, 'worker'), assetsDir: join(root, 'dist/client'), root });
// The Worker as deployed (Workers' assets router in front of it, as on Cloudflare) and alone,
// without assets: the difference is the router's cost, which Cloudflare does not bill.
const worker = await startLocalWorker({ configPath, vars, onOutput: () => {} });
const pid = workerdPid();
const { assets: _assets, ...alone } = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
const aloneConfig = configPath.replace(/wrangler\.json$/, 'wrangler.alone.json');
writeFileSync(aloneConfig, JSON.stringify(alone));
const before = new Set(workerdPids());
const bare = await startLocalWorker({ configPath: aloneConfig, vars, onOutput: () => {} });
const barePid = workerdPids().find((p) => !before.has(p))!;

const targets = [
  { name: 'node (npm start)', origin: `http://127.0.0.1:${port}`, pid: node.pid! },
  { name: 'workerd (npm run start:edge)', origin: worker.url, pid },
  { name: 'workerd, Worker alone (no assets router)', origin: bare.url, pid: barePid },
];
const results = targets.map(() => ({ rps: 0, cpuUs: Infinity }));
// Two rounds, alternating, keeping the better figure: less noise from whatever shares the cores.
for (let round = 0; round < 2; round++) {
  for (const [i, target] of targets.entries()) {
    const r = await load(target.origin, 3, target.pid);
    results[i] = { rps: Math.max(results[i].rps, r.rps), cpuUs: Math.min(results[i].cpuUs, r.cpuUs) };
  }
}
node.kill('SIGINT');
await worker.close();
await bare.close();
upstream.close();

const rows = [
  ['runtime', 'req/s (32 connections)', 'server CPU per proxied request (µs)', 'vs Node'],
  ...targets.map((t, i) => [t.name, results[i].rps.toFixed(0), results[i].cpuUs.toFixed(0), (results[i].cpuUs / results[0].cpuUs).toFixed(2)]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`edge: the proxy on workerd against Node, same upstream, same run (${availableParallelism()} cores shared with the client and upstream; best of 2 rounds)`);
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
console.log('CPU: utime + stime of the serving process from /proc (workerd includes its HTTP stack and the proxy core, Node its node:http server and the core).');
