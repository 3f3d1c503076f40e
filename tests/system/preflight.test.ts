// The preflight of `npm test`, on real probes: a PATH without curl, jq and bash, a Python
// that cannot import requests (Debian's own, run with -S so its dist-packages are not on the
// path) and a Chromium that is not there. No system package is touched.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMissing, installCommands, missingMessage } from './preflight.ts';
import { PYTHON, requirements } from './tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
const emptyPath = join(dir, 'bin');
const bareBin = join(dir, 'bare');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preflight', () => {
  const python = join(dir, 'python3');
  writeFileSync(python, `#!/bin/sh\nexec ${PYTHON} -S "$@"\n`);
  chmodSync(python, 0o755);
  writeFileSync(join(dir, 'placeholder'), '');
  const needed = requirements({ python, chromium: join(dir, 'no-chromium') });

  it('names each missing piece and the one command that installs them all', () => {
    const missing = findMissing(needed, emptyPath);
    expect(missing.map((r) => r.what)).toEqual([
      `Chromium at ${join(dir, 'no-chromium')}`,
      `Python's requests module for ${python}`,
      'curl',
      'jq',
      'bash',
    ]);
    expect(missingMessage(missing, false)).toBe([
      'npm test cannot start: this machine lacks',
      `  - Chromium at ${join(dir, 'no-chromium')} (for the browser tests (Playwright))`,
      `  - Python's requests module for ${python} (for running the Python snippets)`,
      '  - curl (for running the shell snippets)',
      '  - jq (for running the shell snippets)',
      '  - bash (for running the shell snippets)',
      'Install with:',
      '  sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium python3-requests curl jq bash',
    ].join('\n'));
    expect(installCommands(missing, true)[1]).toBe('env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium python3-requests curl jq bash');
  });

  it('finds what is there: the real tools on the real PATH', () => {
    expect(findMissing(requirements(), process.env.PATH ?? '')).toEqual([]);
  });

  it('stops `npm test` at once, before any build, with that message (as a user that is not root)', async () => {
    // Only bash on PATH: curl and jq are missing, so the real preflight must refuse.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(bareBin);
    symlinkSync('/bin/bash', join(bareBin, 'bash'));
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(import.meta.dirname, 'preflight.ts')], { env: { PATH: bareBin }, ...asUser });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('npm test cannot start: this machine lacks\n  - curl (for running the shell snippets)\n  - jq (for running the shell snippets)\n');
    expect(run.stderr).toContain('sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y curl jq');
  });
});
