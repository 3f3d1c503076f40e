// Executes every snippet we ship against the sandbox over real HTTP: the generated ones of
// every operation of every spec (and their streaming variants), and the hand-written ones in
// snippets/ (plus the seed-004 fixture copies). Key and base URL go in through the same
// overrides a reader uses. A snippet this machine cannot run is listed with the reason.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../src/openapi/index.ts';
import { loadApis } from '../../src/openapi/load.node.ts';
import { describeOperation } from '../../src/request/index.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { serveSandbox, type ServedSandbox } from '../../src/sandbox/serve.node.ts';
import { compileSnippets, renderRequest, renderSnippet, GENERATED_GROUP, type SnippetRegistry } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';
import { expectedOutput, HAND_WRITTEN_EXPECTATIONS, rebase } from './snippets-run-expectations.ts';
import { runProcess } from './run-process.ts';
import { PYTHON } from '../system/tools.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/.output/snippets-run');
const NODE = join(ROOT, 'node_modules/.bin/node');
const KEY = 'sk-test-\'q"uote$`\\-1'; // every quote a language has; header values must stay Latin-1
const SAMPLE_FILES: Record<string, string> = { 'audio.mp3': 'ID3', 'audio.wav': 'RIFF', 'image.png': '\x89PNG', 'file.bin': 'bytes', 'file.jsonl': '{"custom_id":"1"}\n' };

interface Case {
  name: string;
  language: string;
  code: string;
  expect: string[];
  /** A file the snippet must leave behind (binary responses). */
  saves?: string;
}

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  dir: string;
}

// Runs whose outcome is set by a problem outside the snippets, named so it is fixed where it lives.
// The snippet must then report the failure (non-zero exit, the state on stderr); once the cause
// is fixed that assertion fails and the entry must go.
const KNOWN_ISSUES: Record<string, string> = {};
const knownIssue = (name: string) => Object.entries(KNOWN_ISSUES).find(([prefix]) => name.startsWith(prefix))?.[1];

const cases: Case[] = [];
const notRun = new Map<string, string>();
const outcomes = new Map<string, Outcome>();
let sandbox: ServedSandbox;

const apis = await loadApis(join(ROOT, 'openapi'), ROOT);
const registry = loadSnippets('snippets', ROOT);
const fixtures = loadSnippets('tests/fixtures/seed-snippets', ROOT);
const missing = missingRuntimes();

function collect(base: string): void {
  const compiled = compileSnippets(registry);
  for (const api of apis) {
    for (const op of api.operations.filter((o) => !o.webhook)) {
      const described = describeOperation(api, op, { baseUrl: `${base}/${api.id}`, key: KEY });
      const specs = [described.spec, ...(described.streaming ? [described.streaming] : [])];
      for (const spec of specs) {
        for (const variant of renderRequest(registry, compiled, { ...described, spec }, { pollSeconds: 0.02 })) {
          cases.push({
            name: `${api.id} ${op.slug}${spec.stream ? ' (stream)' : ''} ${variant.key}`,
            language: variant.language.id,
            code: variant.code,
            expect: expectedOutput(api, op, spec.stream, variant.key, described.followUp?.done),
            saves: described.response.kind === 'binary' && !spec.stream && !described.followUp ? described.response.filename ?? 'output.bin' : undefined,
          });
        }
      }
    }
  }
  addHandWritten(registry, base, apis, KEY);
  // Seed-style templates interpolate values raw ('{{apiKey}}'), as the seed's users wrote them;
  // our helpers ({{str apiKey}}) are what makes a key with quotes safe.
  addHandWritten(fixtures, base, apis, 'sk-test-plain');
}

function addHandWritten(source: SnippetRegistry, base: string, models: ApiModel[], key: string): void {
  const compiled = compileSnippets(source);
  for (const snippet of Object.values(source.snippets).filter((s) => s.group !== GENERATED_GROUP)) {
    // Kebab-case keys, as data-* attributes deliver them: the registry turns them into camelCase.
    const overrides = { ...rebase(snippet.config.payload, models, base), 'api-key': key, ...('pollSeconds' in snippet.config.payload ? { 'poll-seconds': 0.02 } : {}) };
    const rendered = renderSnippet(source, compiled, snippet.id, { ...overrides, ...(snippet.id === 'kling.fetch-generation' ? { generationId: 'gen-1' } : {}) });
    for (const variant of rendered.variants) {
      const expectation = HAND_WRITTEN_EXPECTATIONS[snippet.id];
      cases.push({ name: `${snippet.id} ${variant.key}`, language: variant.language.id, code: variant.code, expect: expectation ? [expectation] : [] });
    }
  }
}

/** Modules a Python snippet imports that Debian's python3 lacks, and commands that are missing. */
function missingRuntimes(): { python: (code: string) => string | undefined; shell?: string } {
  const known = new Map<string, boolean>();
  const has = (module: string) => {
    if (!known.has(module)) known.set(module, spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0);
    return known.get(module)!;
  };
  const shellMissing = ['curl', 'jq', 'bash'].filter((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
  return {
    python: (code) => {
      const modules = [...code.matchAll(/^(?:from|import)\s+([A-Za-z_]\w*)/gm)].map((m) => m[1]);
      const absent = [...new Set(modules)].filter((m) => !has(m));
      if (absent.length === 0) return undefined;
      const debian = absent.map((m) => `python3-${m}`).join(', ');
      return `Python module ${absent.join(', ')} is not installed for ${PYTHON} (Debian bookworm has no ${debian})`;
    },
    shell: shellMissing.length ? `${shellMissing.join(', ')} not on PATH` : undefined,
  };
}

function command(c: Case, file: string): string[] {
  if (c.language === 'python') return [PYTHON, file];
  if (c.language === 'javascript') return [NODE, file];
  return ['bash', file];
}

function whyNotRun(c: Case): string | undefined {
  if (c.language === 'python') return missing.python(c.code);
  if (c.language === 'shell') return missing.shell;
  if (c.language === 'javascript') return undefined;
  return `no ${c.language} runtime on this machine`;
}

async function execute(c: Case, index: number): Promise<Outcome> {
  const dir = join(OUT, String(index).padStart(4, '0'));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(SAMPLE_FILES)) writeFileSync(join(dir, name), content, 'latin1');
  const file = join(dir, `snippet.${c.language === 'python' ? 'py' : c.language === 'javascript' ? 'mjs' : 'sh'}`);
  writeFileSync(file, c.code);
  const [program, ...args] = command(c, file);
  return { ...(await runProcess(program, args, dir)), dir };
}

async function pool<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  }));
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  sandbox = await serveSandbox(createSandbox(apis, { eventDelayMs: 1 }));
  collect(sandbox.url);
  for (const c of cases) {
    const reason = whyNotRun(c);
    if (reason) notRun.set(c.name, reason);
  }
  await pool(cases.filter((c) => !notRun.has(c.name)), 4, async (c) => {
    outcomes.set(c.name, await execute(c, cases.indexOf(c)));
  });
  const lines = [...notRun].map(([name, reason]) => `${name}: ${reason}`);
  writeFileSync(join(OUT, 'not-run.txt'), lines.join('\n') + '\n');
  if (lines.length) console.log(`Snippets not run here (${lines.length}):\n  ${lines.join('\n  ')}`);
}, 600_000);

afterAll(async () => {
  await sandbox?.close();
});

describe('every shipped snippet runs against the sandbox', () => {
  it('covers every operation of every spec and every hand-written snippet', () => {
    for (const api of apis) {
      for (const op of api.operations.filter((o) => !o.webhook)) {
        expect(cases.some((c) => c.name.startsWith(`${api.id} ${op.slug} `)), `${api.id} ${op.slug}`).toBe(true);
      }
    }
    for (const id of Object.keys(registry.snippets).filter((k) => !k.startsWith(`${GENERATED_GROUP}.`))) {
      expect(cases.some((c) => c.name.startsWith(`${id} `)), id).toBe(true);
    }
    expect(outcomes.size).toBeGreaterThan(100);
  });

  it('runs everything except what needs a runtime this machine lacks, and says why', () => {
    for (const [name, reason] of notRun) expect(reason, name).toMatch(/not installed|not on PATH|no \w+ runtime/);
  });

  it.each(collectNames().map((n) => [knownIssue(n) ? `${n} — known issue: ${knownIssue(n)}` : n, n]))('%s', (_, name) => {
    const c = cases.find((x) => x.name === name)!;
    const outcome = outcomes.get(name);
    if (!outcome) {
      expect(notRun.get(name), `${name} was neither run nor listed`).toBeTruthy();
      return;
    }
    const log = `exit ${outcome.status}\n--- code\n${c.code}\n--- stdout\n${outcome.stdout.slice(0, 2000)}\n--- stderr\n${outcome.stderr.slice(0, 2000)}`;
    if (knownIssue(name)) {
      expect(outcome.status, log).not.toBe(0);
      expect(outcome.stderr, log).toContain('"status":');
      return;
    }
    expect(outcome.status, log).toBe(0);
    expect(outcome.stdout.trim().length + (c.saves ? 1 : 0), log).toBeGreaterThan(0);
    for (const text of c.expect) expect(outcome.stdout, log).toContain(text);
    if (c.saves) expect(statSync(join(outcome.dir, c.saves)).size, `${name} saves ${c.saves}`).toBeGreaterThan(0);
  });
});

// Names are known only after the specs load; they load at import time above.
function collectNames(): string[] {
  const probe: Case[] = [];
  const saved = cases.length;
  collect('http://127.0.0.1:1');
  probe.push(...cases.splice(saved));
  return probe.map((c) => c.name);
}
