// One commit builds a byte-identical dist/client, also on a busy machine (issue 11). `npm test`
// builds dist/ before the unit tests; this builds the seed site again while busy workers hold
// every core, and compares the hash of every file. If dist/ is missing or older than the
// working tree (a unit run without the build), an idle build is made to compare against.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from './run-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/.output/build-deterministic');
const ASTRO = join(ROOT, 'node_modules/.bin/astro');
const NODE = join(ROOT, 'node_modules/.bin/node');

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    out.set(path.slice(dir.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

/** Files that are missing on one side or differ, for the failure message. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => a.get(n) !== b.get(n)).map((n) => `${n}: ${a.get(n)?.slice(0, 12) ?? 'missing'} vs ${b.get(n)?.slice(0, 12) ?? 'missing'}`);
}

async function build(outDir: string): Promise<Map<string, string>> {
  rmSync(outDir, { recursive: true, force: true });
  const result = await runProcess(NODE, [ASTRO, 'build', '--outDir', outDir], ROOT, 900_000);
  if (result.status !== 0) throw new Error(`astro build --outDir ${outDir} ${result.status === null ? 'timed out after 15 min' : 'failed'}:\n${(result.stderr || result.stdout).slice(-3000)}`);
  return hashes(join(outDir, 'client'));
}

/** Spinning processes on all cores but one: the build shares the machine with them (and keeps one core's worth of time). */
function busyWorkers(): ChildProcess[] {
  return Array.from({ length: Math.max(1, availableParallelism() - 1) }, () => spawn(NODE, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

let workers: ChildProcess[] = [];
afterAll(() => {
  for (const w of workers) w.kill('SIGKILL');
  rmSync(OUT, { recursive: true, force: true });
});

describe('deterministic build', () => {
  it('dist/client is byte-identical when built again under CPU load', async () => {
    workers = busyWorkers();
    let busy: Map<string, string>;
    try {
      busy = await build(join(OUT, 'busy'));
    } finally {
      for (const w of workers) w.kill('SIGKILL');
    }
    expect(busy.size).toBeGreaterThan(100);
    const first = join(ROOT, 'dist/client');
    let reference = existsSync(first) ? hashes(first) : new Map<string, string>();
    // dist/ from another state of the tree (no `npm test` build before this run): build it afresh, idle.
    if (differences(reference, busy).length > 0) reference = await build(join(OUT, 'idle'));
    expect(differences(reference, busy)).toEqual([]);
  }, 1_800_000);
});
