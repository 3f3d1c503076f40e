// Runs tests/scenarios/*.txt (format in tests/scenarios/README.md) three times: in-process
// against the sandbox's Fetch handler, over 127.0.0.1 through the proxy to the served sandbox,
// and through the Worker in local workerd (its proxy, its sandbox, validators compiled at build).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.ts';
import { loadSpecApis, seeded, startStack, type Stack } from './proxy-harness.ts';

interface Step {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
  expectHeaders: Record<string, string>;
  expectBody: string;
}

interface Scenario {
  file: string;
  title: string;
  api: string;
  steps: Step[];
}

const dir = join('tests', 'scenarios');
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => parseScenario(f, readFileSync(join(dir, f), 'utf8')));

interface Answer {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

type Send = (api: string, step: Step) => Promise<Answer>;

let stack: Stack;
let worker: Stack;
let inProcess: (request: Request) => Promise<Response>;
beforeAll(async () => {
  [stack, worker] = await Promise.all([startStack({ rateLimitPerMinute: 10_000 }, { eventDelayMs: 1 }), startStack({ rateLimitPerMinute: 10_000 }, { runtime: 'workerd' })]);
  inProcess = createSandbox(await loadSpecApis(), { eventDelayMs: 1, random: seeded(7) });
});
afterAll(() => Promise.all([stack.close(), worker.close()]));

const runners: Record<string, Send> = {
  'in-process': async (api, step) => {
    const response = await inProcess(new Request(`http://sandbox/${api}${step.path}`, { method: step.method, headers: step.headers, body: step.body }));
    return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
  },
  'over loopback through the proxy': async (api, step) => {
    const response = await fetch(`${stack.proxyUrl}/api/proxy/${api}${step.path}`, { method: step.method, headers: step.headers, body: step.body });
    return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
  },
  'in workerd through the Worker': async (api, step) => {
    const response = await fetch(`${worker.proxyUrl}/api/proxy/${api}${step.path}`, { method: step.method, headers: step.headers, body: step.body });
    return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
  },
};

describe.each(Object.entries(runners))('scenarios %s', (_name, send) => {
  it.each(scenarios.map((s) => [`${s.file}: ${s.title}`, s] as const))('%s', async (_label, scenario) => {
    for (const [index, step] of scenario.steps.entries()) {
      const where = `${scenario.file} step ${index + 1} (${step.method} ${step.path})`;
      const answer = await send(scenario.api, step);
      const text = new TextDecoder().decode(answer.bytes);
      expect(answer.status, `${where}: status; body ${text.slice(0, 300)}`).toBe(step.status);
      for (const [name, value] of Object.entries(step.expectHeaders)) expect(answer.headers.get(name), `${where}: header ${name}`).toBe(value);
      checkBody(where, step.expectBody, answer.bytes, text);
    }
  });
});

function checkBody(where: string, expected: string, bytes: Uint8Array, text: string): void {
  const wanted = expected.trim();
  if (wanted === '') return;
  const prefix = /^bytes:\s*([0-9a-f ]+)$/i.exec(wanted);
  if (prefix) {
    const head = prefix[1].trim().split(/\s+/).map((h) => parseInt(h, 16));
    expect([...bytes.subarray(0, head.length)], `${where}: leading bytes`).toEqual(head);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(wanted);
  } catch {
    json = undefined;
  }
  if (json !== undefined && typeof json === 'object') {
    expect(JSON.parse(text), `${where}: JSON body`).toMatchObject(json as object);
    return;
  }
  for (const line of wanted.split('\n').filter((l) => l.trim() !== '')) expect(text, `${where}: body contains`).toContain(line);
}

function parseScenario(file: string, source: string): Scenario {
  const sections: Array<[string, string]> = [];
  const marker = /^====([a-z-]+)====$/gm;
  const found = [...source.matchAll(marker)];
  for (const [i, match] of found.entries()) {
    const start = (match.index ?? 0) + match[0].length + 1;
    const end = found[i + 1]?.index ?? source.length;
    sections.push([match[1], source.slice(start, end).replace(/\n$/, '')]);
  }
  const title = sections.find(([k]) => k === 'test')?.[1].trim() ?? file;
  const api = sections.find(([k]) => k === 'api')?.[1].trim();
  if (!api) throw new Error(`${file}: missing ====api==== section`);
  const steps: Step[] = [];
  for (const [i, [kind, text]] of sections.entries()) {
    if (kind !== 'request') continue;
    const expectation = sections[i + 1];
    if (expectation?.[0] !== 'expect') throw new Error(`${file}: request #${steps.length + 1} has no ====expect==== after it`);
    const request = splitMessage(text);
    const [method, path] = request.start.split(' ');
    const response = splitMessage(expectation[1]);
    steps.push({
      method, path, headers: request.headers, body: request.body || undefined,
      status: Number(response.start), expectHeaders: response.headers, expectBody: response.body,
    });
  }
  return { file, title, api, steps };
}

/** Start line, `name: value` headers up to a blank line, then the body. */
function splitMessage(text: string): { start: string; headers: Record<string, string>; body: string } {
  const lines = text.split('\n');
  const headers: Record<string, string> = {};
  let i = 1;
  for (; i < lines.length && lines[i].trim() !== ''; i++) {
    const colon = lines[i].indexOf(':');
    headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  return { start: lines[0].trim(), headers, body: lines.slice(i + 1).join('\n') };
}
