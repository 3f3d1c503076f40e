// Runs the code samples authors wrote in their specs (x-codeSamples) against the sandbox,
// like our own snippets: every sample of every spec in openapi/ that the pages mark as
// checked (a runtime we have, the server called by its full URL) is pointed at the sandbox
// and must reach its operation, pass the sandbox's checks and print the answer. The others
// are shown on their pages as "not checked by us"; this test lists them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel, CodeSample, Operation } from '../../src/openapi/index.ts';
import { createRouter } from '../../src/openapi/index.ts';
import { loadApis } from '../../src/openapi/load.node.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { serveSandbox, type ServedSandbox } from '../../src/sandbox/serve.node.ts';
import { checkableSample, pointSampleAt, type CheckableSample } from '../../src/snippets/index.ts';
import { runProcess } from './run-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/.output/code-samples-run');
const RUNNERS: Record<string, { program: string; ext: string }> = {
  shell: { program: 'bash', ext: 'sh' },
  python: { program: '/usr/bin/python3', ext: 'py' },
  javascript: { program: join(ROOT, 'node_modules/.bin/node'), ext: 'mjs' },
};

interface Case { name: string; api: ApiModel; op: Operation; sample: CodeSample; checkable: CheckableSample }
interface Seen { api: string; method: string; path: string; status: number; body: string }

const apis = await loadApis(join(ROOT, 'openapi'), ROOT);
const cases: Case[] = [];
const unchecked: string[] = [];
for (const api of apis) {
  for (const op of api.operations) {
    (op.codeSamples ?? []).forEach((sample, i) => {
      const name = `${api.id} ${op.slug} sample ${i} (${sample.label ?? sample.lang})`;
      const checkable = checkableSample(api, op, sample);
      if (checkable) cases.push({ name, api, op, sample, checkable });
      else unchecked.push(name);
    });
  }
}
const seen: Seen[] = [];
let sandbox: ServedSandbox;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const handler = createSandbox(apis, { eventDelayMs: 1 });
  sandbox = await serveSandbox(async (request) => {
    const response = await handler(request);
    const [, api, ...rest] = new URL(request.url).pathname.split('/');
    seen.push({ api, method: request.method.toLowerCase(), path: `/${rest.join('/')}`, status: response.status, body: await response.clone().text() });
    return response;
  });
});

afterAll(async () => {
  await sandbox?.close();
  if (unchecked.length > 0) console.log(`Author samples shown as "not checked by us" (${unchecked.length}):\n  ${unchecked.join('\n  ')}`);
});

describe('author code samples run against the sandbox', () => {
  it('the specs in openapi/ have samples, some of them checkable', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c]))('%s', async (_, c) => {
    const runner = RUNNERS[c.checkable.language.id];
    const dir = join(OUT, c.name.replace(/[^a-z0-9]+/gi, '-'));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `sample.${runner.ext}`);
    writeFileSync(file, pointSampleAt(c.sample, c.checkable, `${sandbox.url}/${c.api.id}`));
    const from = seen.length;
    const result = await runProcess(runner.program, [file], dir);
    const log = `exit ${result.status}\n--- stdout\n${result.stdout.slice(0, 1500)}\n--- stderr\n${result.stderr.slice(0, 1500)}`;
    const requests = seen.slice(from);
    expect(requests, log).toHaveLength(1);
    const [answer] = requests;
    const route = createRouter(c.api.operations).match(answer.method, answer.path);
    expect(route.kind === 'found' ? route.operation.slug : route.kind, log).toBe(c.op.slug);
    expect(answer.body, log).not.toContain('SANDBOX_');
    expect(answer.status, log).toBeLessThan(300);
    expect(result.status, log).toBe(0);
    expect(result.stdout.trim(), log).not.toBe('');
  });
});
