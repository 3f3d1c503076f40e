// Golden matrix, as httpsnippet's targets.test.ts: every request fixture × every generated
// client → a file under tests/fixtures/snippet-golden/<client>/<fixture>.<ext> (rewrite them
// with UPDATE_FIXTURES=1). Then each golden snippet runs against a loopback echo server, which
// checks that what arrived is exactly the request the fixture describes: quoting proven by bytes.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHeaderPairs, toPath, type FollowUp, type RequestSpec, type ResponseShape } from '../../src/request/index.ts';
import { compileSnippets, renderRequest, type SnippetVariant } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';
import { runProcess, type ProcessResult } from './run-process.ts';
import { PYTHON } from '../system/tools.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REQUESTS = join(ROOT, 'tests/fixtures/snippet-requests');
const GOLDEN = join(ROOT, 'tests/fixtures/snippet-golden');
const OUT = join(ROOT, 'tests/.output/snippets-golden');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const EXT: Record<string, string> = { shell: 'sh', python: 'py', javascript: 'mjs' };

interface Fixture {
  spec: RequestSpec;
  response: ResponseShape;
  followUp?: FollowUp;
}

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const registry = loadSnippets('snippets', ROOT);
const compiled = compileSnippets(registry);
const fixtures = readdirSync(REQUESTS).filter((f) => f.endsWith('.json')).sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(REQUESTS, f), 'utf8')) as Fixture] as const);
const render = (fixture: Fixture, baseUrl?: string) => {
  const withBase = (spec: RequestSpec) => (baseUrl ? { ...spec, baseUrl } : spec);
  const followUp = fixture.followUp && { ...fixture.followUp, request: withBase(fixture.followUp.request) };
  return renderRequest(registry, compiled, { spec: withBase(fixture.spec), response: fixture.response, followUp }, { pollSeconds: 0.01 });
};

describe('golden snippets', () => {
  for (const [name, fixture] of fixtures) {
    for (const variant of render(fixture)) {
      it(`${variant.key} ${name}`, () => {
        const file = join(GOLDEN, variant.key, `${name}.${EXT[variant.language.id]}`);
        if (UPDATE || !existsSync(file)) {
          mkdirSync(join(GOLDEN, variant.key), { recursive: true });
          writeFileSync(file, variant.code);
          if (!UPDATE) throw new Error(`wrote missing golden file ${file}; check it in and run again`);
        }
        expect(variant.code).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});

describe('golden snippets send exactly the fixture request', () => {
  const received: Received[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : '';
      if (req.method === 'DELETE') return res.writeHead(204).end();
      if (req.url?.startsWith('/v1/audio/speech')) return res.writeHead(200, { 'content-type': 'audio/mpeg' }).end('ID3');
      if (isStream(body)) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        return res.end('data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m-1","choices":[{"index":0,"delta":{"content":"こんにちは"},"finish_reason":null}]}\n\ndata: [DONE]\n\n');
      }
      if (req.method === 'POST' && req.url === '/v1/tasks') return json(res, { task_id: 't/1 x', meta: { region: 'eu west' } });
      if (req.url?.startsWith('/v1/tasks/')) return json(res, { status: 'succeeded', result: 'done' });
      json(res, { ok: true });
    });
  });
  const isStream = (body: string) => {
    try {
      return (JSON.parse(body) as { stream?: unknown }).stream === true;
    } catch {
      return false;
    }
  };
  const json = (res: import('node:http').ServerResponse, value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    rmSync(OUT, { recursive: true, force: true });
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  for (const [name, fixture] of fixtures) {
    for (const key of render(fixture).map((v) => v.key)) {
      const skip = key.endsWith('.py') && key !== 'http.py' ? `Python module openai is not installed for ${PYTHON}` : undefined;
      it.skipIf(skip)(`${key} ${name}${skip ? ` — not run: ${skip}` : ''}`, async () => {
        const variant = render(fixture, base).find((v) => v.key === key)!;
        received.length = 0;
        const run = await execute(variant, `${key}-${name}`);
        expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
        expect(received.length).toBeGreaterThan(0);
        await expectRequest(received[0], fixture.spec, key.startsWith('http.'));
        if (fixture.followUp) {
          const poll = new URL(received[1].url, base);
          expect(poll.pathname).toBe('/v1/tasks/t%2F1%20x');
          expect([...poll.searchParams]).toEqual([['verbose', 'true'], ['region', 'eu west']]);
          expect(received[1].headers.authorization).toBe('Bearer <YOUR_API_KEY>');
          expect(run.stdout).toContain('succeeded');
        }
        if (fixture.spec.stream) expect(run.stdout).toContain('こんにちは');
      });
    }
  }
});

// Asynchronous: the echo server lives in this process and must answer while the snippet runs.
function execute(variant: SnippetVariant, name: string): Promise<ProcessResult> {
  const dir = join(OUT, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'audio.mp3'), 'ID3');
  const file = join(dir, `snippet.${EXT[variant.language.id]}`);
  writeFileSync(file, variant.code);
  const program = variant.language.id === 'python' ? PYTHON : variant.language.id === 'javascript' ? join(ROOT, 'node_modules/.bin/node') : 'bash';
  return runProcess(program, [file], dir);
}

async function expectRequest(got: Received, spec: RequestSpec, plainHttp: boolean): Promise<void> {
  const url = new URL(got.url, 'http://x');
  expect(got.method).toBe(spec.method);
  expect(url.pathname).toBe(new URL(toPath(spec), 'http://x').pathname);
  const query = [...spec.query, ...(spec.auth?.in === 'query' ? [[spec.auth.name, spec.auth.prefix + spec.auth.key]] : [])];
  expect([...url.searchParams]).toEqual(query);
  for (const [name, value] of toHeaderPairs(spec)) {
    if (!plainHttp && name.toLowerCase() !== 'authorization' && name.toLowerCase() !== 'x-api-key') continue;
    expect(got.headers[name.toLowerCase()], name).toBe(value);
  }
  const body = spec.body;
  if (!body) return expect(got.body.length).toBe(0);
  if (body.kind === 'json') return expect(JSON.parse(got.body.toString('utf8'))).toEqual(body.value);
  if (body.kind === 'text') return expect(got.body.toString('utf8')).toBe(body.text);
  const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': String(got.headers['content-type']) }, body: new Uint8Array(got.body) }).formData();
  for (const part of body.parts) {
    const value = form.get(part.name);
    if ('value' in part) expect(value, part.name).toBe(part.value);
    else expect([(value as File).name, (value as File).type, await (value as File).text()]).toEqual([part.filename, part.contentType, 'ID3']);
  }
}
