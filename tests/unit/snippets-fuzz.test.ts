// Fuzz for snippets (issue 12, finding 6): hostile names and values (quotes, newlines, $(…),
// backticks, `;`, `=@`, `--`, NUL, non-ASCII) go into every part of a request a generated client
// prints (path, query names and values, headers, key, JSON keys and values, multipart names,
// values and files, text bodies, poll variables and statuses), and into every variable of every
// hand-written template. Each sample is rendered, EXECUTED (curl, node, python3-requests) against
// a recording loopback server, and must send exactly the intended request, with nothing else run:
// every hostile value tries to create a file named `pwned*`, or to upload `secret.txt`.
// What no quoting can carry (a NUL in a shell argument, `=` in a curl -F name) must be a build
// error that names the operation. The OpenAI Python SDK is not installed on Debian: its samples
// are parsed with python3's `ast` and their call checked instead.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHeaderPairs, toPath, type FollowUp, type JsonValue, type RequestSpec, type ResponseShape } from '../../src/request/index.ts';
import { compileSnippets, GENERATED_GROUP, renderRequest, renderSnippet, SnippetError, type SnippetVariant } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';
import { runProcess } from './run-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/.output/snippets-fuzz');
const NODE = join(ROOT, 'node_modules/.bin/node');
const PYTHON = '/usr/bin/python3';
const SECRET = 'TOP-SECRET-CONTENT';

// Each value tries every trick at once; each `touch` names its own canary.
const H1 = `q'"\\ $(touch pwned1) \`touch pwned2\` ;touch pwned3; # -- x=@secret.txt;y=<secret.txt \${process.exit(7)} %s {0} {{x}} ');import os;os.system('touch pwned4');('`;
const H2 = 'line1\nline2\r\n\ttab ünïcødé ✓ 日本 🎉 \\u0041 \'\'\'""" `${require("fs").writeFileSync("pwned5","")}`';
/** Header values are bytes: visible ASCII only (anything else is refused, see the refusals below). */
const HV = `q'"\\$(touch pwned6)\`touch pwned7\`;touch pwned8;#--x=@secret.txt;y`;
/** Multipart names: no `=` (curl -F), `"`, `\` or line breaks (encoded differently by each client). */
const PN = `x;y@secret.txt $(touch pwned9) \`touch pwned10\` '-- ünï`;

interface Shape {
  name: string;
  spec: RequestSpec;
  response: ResponseShape;
  followUp?: FollowUp;
}

const spec = (over: Partial<RequestSpec>): RequestSpec => ({
  api: 'fuzz', operation: 'op', method: 'POST', baseUrl: 'http://127.0.0.1:1/base', path: '/v1/items', pathParams: {}, query: [], headers: [], stream: false, ...over,
});
const bearer = { scheme: 'bearer', in: 'header' as const, name: 'Authorization', prefix: 'Bearer ', key: HV };
const json: ResponseShape = { kind: 'json', mediaType: 'application/json' };

const SHAPES: Shape[] = [
  {
    name: 'json body, path, query and headers',
    spec: spec({
      operation: 'create-item', path: '/v1/items/{item id}', pathParams: { 'item id': H1 }, auth: bearer,
      query: [[H1, H2], [H2, H1], ['plain', '1'], ['plain', '2']], headers: [['X-Hostile', HV]],
      body: { kind: 'json', mediaType: 'application/json', value: { [H1]: H2, [H2]: { nested: [H1, 1.5, true, null, { [PN]: H2 }] }, ['__proto__']: H1, 'a\0b': 'c\0d', class: 'kw', '': '' } },
    }),
    response: json,
  },
  {
    name: 'multipart fields and a file',
    spec: spec({
      operation: 'upload', path: '/v1/upload', auth: bearer, query: [[PN, H1]],
      body: { kind: 'multipart', mediaType: 'multipart/form-data', parts: [
        { name: PN, value: `${H1}\n${H2}` }, { name: 'purpose', value: H2 }, { name: 'purpose', value: H1 },
        { name: 'file', filename: 'upload.bin', contentType: 'application/octet-stream' },
        { name: 'f;g@h $(touch pwned17)', filename: 'upload.bin', contentType: 'text/plain' },
      ] },
    }),
    response: json,
  },
  {
    name: 'text body, key in the query, text response',
    spec: spec({
      operation: 'send-text', path: '/v1/text', auth: { scheme: 'key', in: 'query', name: `api key ${H1}`, prefix: '', key: H1 },
      // curl reads `@file` in --data and --data-binary: the body must not upload secret.txt.
      body: { kind: 'text', mediaType: 'text/plain', text: `@secret.txt\n${H1}\n${H2}` },
    }),
    response: { kind: 'text', mediaType: 'text/plain' },
  },
  {
    name: 'an OpenAI-shaped stream',
    spec: spec({
      operation: 'chat-stream', path: '/v1/chat/completions', auth: bearer, stream: true,
      body: { kind: 'json', mediaType: 'application/json', value: { model: H1, messages: [{ role: 'user', content: H2 }], stream: true, [H1]: H2, timeout: 5, extra_body: 1, class: PN } },
    }),
    response: json,
  },
  {
    name: 'an OpenAI-shaped call',
    spec: spec({
      operation: 'chat', path: '/v1/chat/completions', auth: bearer,
      body: { kind: 'json', mediaType: 'application/json', value: { model: H1, messages: [{ role: 'user', content: H2 }], [PN]: H2, 'import os': H1, lambda: 1 } },
    }),
    response: json,
  },
  {
    name: 'an OpenAI-shaped upload',
    spec: spec({
      operation: 'transcribe', path: '/v1/audio/transcriptions', auth: bearer,
      body: { kind: 'multipart', mediaType: 'multipart/form-data', parts: [
        { name: 'file', filename: 'audio.mp3', contentType: 'audio/mpeg' }, { name: 'model', value: H1 }, { name: PN, value: H2 }, { name: 'class', value: H1 },
      ] },
    }),
    response: json,
  },
  {
    name: 'an Anthropic-shaped call',
    spec: spec({
      operation: 'messages', path: '/v1/messages', auth: { scheme: 'key', in: 'header', name: 'x-api-key', prefix: '', key: HV }, headers: [['anthropic-version', '2023-06-01']],
      body: { kind: 'json', mediaType: 'application/json', value: { model: H1, max_tokens: 16, messages: [{ role: 'user', content: H2 }], [H1]: H2 } },
    }),
    response: json,
  },
  {
    name: 'a binary download with a path argument',
    spec: spec({ operation: 'file-content', method: 'GET', path: '/v1/files/{file_id}/content', pathParams: { file_id: H1 }, auth: bearer }),
    response: { kind: 'binary', mediaType: 'application/octet-stream', filename: 'output.bin' },
  },
  {
    name: 'create, then poll with hostile variables and statuses',
    spec: spec({ operation: 'create-task', path: '/v1/tasks', auth: bearer, body: { kind: 'json', mediaType: 'application/json', value: { prompt: H1 } } }),
    response: json,
    followUp: {
      link: 'status',
      request: spec({ operation: 'get-task', method: 'GET', path: '/v1/tasks/{task id$(touch pwned11)}', pathParams: {}, auth: bearer, query: [[H1, H2]] }),
      params: [
        { name: 'task id$(touch pwned11)', in: 'path', pointer: `/id'$(touch pwned12)` },
        { name: 'str', in: 'query', pointer: '/meta/str' },
        { name: '1 PATH', in: 'query', pointer: '/meta/path' },
      ],
      statusPointer: '/state"`touch pwned13`',
      done: [`done'$(touch pwned14)`],
      failed: ['fail;touch pwned15'],
    },
  },
];

// The values the create response hands to the poll request, and the status it reports.
const CREATED = { [`id'$(touch pwned12)`]: `t/1 x$(touch pwned16)`, meta: { str: H1, path: `p ${HV}` } };
const STATUS = { [`state"\`touch pwned13\``]: `done'$(touch pwned14)` };

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const registry = loadSnippets('snippets', ROOT);
const compiled = compileSnippets(registry);
const hasOpenAiPython = spawnSync(PYTHON, ['-c', 'import openai']).status === 0;
const received = new Map<string, Received[]>();
let base = '';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    // Each run sends its id in the path prefix: /run/<id>/...
    const match = /^\/run\/(\d+)(\/.*)$/.exec(req.url ?? '');
    if (!match) return res.writeHead(404).end();
    const list = received.get(match[1]) ?? [];
    received.set(match[1], list);
    list.push({ method: req.method ?? '', url: match[2], headers: req.headers, body });
    answer(req, match[2], body.toString('utf8'), res);
  });
});

function answer(req: IncomingMessage, url: string, body: string, res: ServerResponse): unknown {
  const send = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  const path = url.split('?')[0];
  if (/"stream":\s*true/.test(body) || req.headers.accept === 'text/event-stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    return res.end('data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"streamed"},"finish_reason":null}]}\n\ndata: [DONE]\n\n');
  }
  if (path.endsWith('/content')) return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('BYTES');
  if (req.method === 'POST' && path.endsWith('/v1/tasks')) return send(CREATED);
  if (path.includes('/v1/tasks/')) return send(STATUS);
  if (path.endsWith('/v1/messages')) return send({ id: 'm1', type: 'message', role: 'assistant', model: 'm', content: [{ type: 'text', text: 'answered' }], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } });
  if (req.method === 'GET' && path.includes('/video/generations/')) return send({ id: 'task-1', status: 'COMPLETED', video_url: 'https://x/v.mp4' });
  if (path.endsWith('/text')) return res.writeHead(200, { 'content-type': 'text/plain' }).end('answered');
  // One body for every hand-written snippet and SDK call: each reads its own fields.
  send({
    id: 'task-1', task_id: 'task-1', object: 'chat.completion', created: 1, model: 'm', status: 'completed', text: 'answered', video: { url: 'https://x/v.mp4' },
    choices: [{ index: 0, message: { role: 'assistant', content: 'answered' }, delta: { content: 'answered' }, finish_reason: 'stop' }],
    data: [{ embedding: [0.1, 0.2, 0.3], b64_json: 'aGk=', url: 'https://x/i.png' }], output: { choices: [{ image_base64: 'aGk=' }] },
  });
}

const EXT: Record<string, string> = { shell: 'sh', python: 'py', javascript: 'mjs' };
let runs = 0;

async function execute(variant: SnippetVariant, id: string): Promise<{ status: number | null; stdout: string; stderr: string; dir: string }> {
  const dir = join(OUT, id);
  mkdirSync(dir, { recursive: true });
  for (const file of ['secret.txt', 'upload.bin', 'audio.mp3']) writeFileSync(join(dir, file), file === 'secret.txt' ? SECRET : 'ID3');
  const file = join(dir, `snippet.${EXT[variant.language.id]}`);
  writeFileSync(file, variant.code);
  const program = variant.language.id === 'python' ? PYTHON : variant.language.id === 'javascript' ? NODE : 'bash';
  runs++;
  return { ...(await runProcess(program, [file], dir)), dir };
}

function expectNothingElseRan(dir: string, requests: Received[], log: string): void {
  expect(readdirSync(dir).filter((f) => f.startsWith('pwned')), `canary files created\n${log}`).toEqual([]);
  for (const r of requests) expect(r.body.includes(SECRET), `secret.txt was uploaded\n${log}`).toBe(false);
}

const decodePath = (path: string) => path.split('/').map((s) => decodeURIComponent(s));

async function expectRequest(got: Received, intended: RequestSpec, plainHttp: boolean, log: string, fetchFormData = false): Promise<void> {
  const url = new URL(got.url, 'http://x');
  expect(got.method, log).toBe(intended.method);
  expect(decodePath(url.pathname), log).toEqual(decodePath(new URL(`/base${toPath(intended)}`, 'http://x').pathname));
  const query = [...intended.query, ...(intended.auth?.in === 'query' ? [[intended.auth.name, intended.auth.prefix + intended.auth.key]] : [])];
  expect([...url.searchParams], log).toEqual(query);
  if (plainHttp) for (const [name, value] of toHeaderPairs(intended)) expect(got.headers[name.toLowerCase()], `${name}\n${log}`).toBe(value);
  // SDKs set their own headers and send the key their way (the Anthropic SDK as a bearer token too).
  else expect(got.headers['x-api-key'] === intended.auth?.key || got.headers.authorization === `Bearer ${intended.auth?.key}`, log).toBe(true);
  const body = intended.body;
  if (!body || intended.method === 'GET') return expect(got.body.length, log).toBe(0);
  if (body.kind === 'json') {
    // JSON.parse would read "__proto__" as a prototype; compare key by key.
    const parsed = JSON.parse(got.body.toString('utf8'), (k, v) => v) as Record<string, JsonValue>;
    return expect(Object.entries(parsed), log).toEqual(Object.entries(body.value as Record<string, JsonValue>));
  }
  if (body.kind === 'text') return expect(got.body.toString('utf8'), log).toBe(body.text);
  const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': String(got.headers['content-type']) }, body: new Uint8Array(got.body) }).formData();
  const sent = [...form.entries()];
  const fields = sent.filter(([, v]) => typeof v === 'string');
  // FormData (the Fetch standard, in browsers and Node) sends every line break of a text value as
  // CRLF; curl and requests send the bytes given. Both are what each client means by the value.
  const crlf = (text: string) => (fetchFormData ? text.replace(/\r?\n|\r/g, '\r\n') : text);
  expect(fields, log).toEqual(body.parts.filter((p) => 'value' in p).map((p) => [p.name, crlf((p as { value: string }).value)]));
  for (const part of body.parts.filter((p) => 'filename' in p)) {
    const file = form.get(part.name) as File;
    expect([file.name, await file.text()], log).toEqual([(part as { filename: string }).filename, 'ID3']);
  }
}

/** Python's parse of an OpenAI SDK sample: the call's keyword names and `extra_body` keys, nothing else at top level. */
function pythonCall(code: string): { statements: string[]; kwargs: string[]; extraBody: string[] } {
  const script = [
    'import ast, json, sys',
    'tree = ast.parse(sys.stdin.read())',
    'call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("create", "retrieve", "content"))',
    'extra = next((k.value for k in call.keywords if k.arg == "extra_body"), None)',
    'print(json.dumps({"statements": [type(s).__name__ for s in tree.body], "kwargs": [k.arg for k in call.keywords],',
    '  "extraBody": [ast.literal_eval(k) for k in extra.keys] if extra is not None else []}))',
  ].join('\n');
  const result = spawnSync(PYTHON, ['-c', script], { input: code, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 could not parse the sample:\n${result.stderr}\n${code}`);
  return JSON.parse(result.stdout);
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  console.log(`snippets fuzz: ${runs} samples executed`);
});

const withBase = (s: RequestSpec, id: string): RequestSpec => ({ ...s, baseUrl: `${base}/run/${id}/base` });
let next = 0;

describe('generated snippets under hostile names and values', () => {
  it('cover every generated client and language', () => {
    const keys = new Set(SHAPES.flatMap((s) => renderRequest(registry, compiled, { spec: s.spec, response: s.response, followUp: s.followUp }, { pollSeconds: 0 }).map((v) => v.key)));
    const all = Object.values(registry.snippets).filter((s) => s.group === GENERATED_GROUP).flatMap((s) => s.templates.map((t) => `${s.name}.${t.alias}`));
    expect([...keys].sort()).toEqual(all.sort());
  });

  for (const shape of SHAPES) {
    const keys = renderRequest(registry, compiled, { spec: shape.spec, response: shape.response, followUp: shape.followUp }, { pollSeconds: 0 }).map((v) => v.key);
    for (const key of keys) {
      it(`${key}: ${shape.name}`, async () => {
        const id = String(++next);
        const followUp = shape.followUp && { ...shape.followUp, request: withBase(shape.followUp.request, id) };
        const variant = renderRequest(registry, compiled, { spec: withBase(shape.spec, id), response: shape.response, followUp }, { pollSeconds: 0 }).find((v) => v.key === key)!;
        if (key.endsWith('.py') && key !== 'http.py' && !hasOpenAiPython) {
          // Not installable here: the parse proves the sample is one call with the intended arguments.
          const call = pythonCall(variant.code);
          expect(call.statements.filter((s) => !['ImportFrom', 'Import', 'Assign', 'Expr', 'For', 'If'].includes(s)), variant.code).toEqual([]);
          const body = shape.spec.body;
          const names = body?.kind === 'json' ? Object.keys(body.value as object) : body?.kind === 'multipart' ? [...new Set(body.parts.map((p) => p.name))] : [];
          expect([...call.kwargs.filter((k) => k !== 'extra_body'), ...call.extraBody].sort(), variant.code).toEqual(names.sort());
          return;
        }
        const run = await execute(variant, id);
        const requests = received.get(id) ?? [];
        const log = `exit ${run.status}\n--- code\n${variant.code}\n--- stdout\n${run.stdout.slice(0, 1500)}\n--- stderr\n${run.stderr.slice(0, 1500)}`;
        expect(run.status, log).toBe(0);
        expectNothingElseRan(run.dir, requests, log);
        const plainHttp = key.startsWith('http.');
        expect(requests.length, log).toBe(shape.followUp && plainHttp ? 2 : 1);
        await expectRequest(requests[0], shape.spec, plainHttp, log, key === 'http.js');
        if (shape.followUp && plainHttp) {
          const poll = new URL(requests[1].url, 'http://x');
          expect(decodePath(poll.pathname), log).toEqual(['', 'base', 'v1', 'tasks', CREATED[`id'$(touch pwned12)`]]);
          expect([...poll.searchParams], log).toEqual([[H1, H2], ['str', H1], ['1 PATH', `p ${HV}`]]);
          expect(requests[1].headers.authorization, log).toBe(`Bearer ${HV}`);
        }
      });
    }
  }
});

describe('what no quoting can carry is a build error naming the operation', () => {
  const refused = (over: Partial<RequestSpec>) => {
    try {
      renderRequest(registry, compiled, { spec: spec({ operation: 'upload-file', ...over }), response: json });
    } catch (error) {
      expect(error).toBeInstanceOf(SnippetError);
      return (error as Error).message;
    }
    throw new Error('rendered without an error');
  };
  const multipart = (parts: Array<{ name: string; value: string }>) => ({ body: { kind: 'multipart' as const, mediaType: 'multipart/form-data', parts } });

  it.each([
    ['a multipart name with = (curl would upload secret.txt)', multipart([{ name: 'x=@secret.txt;y', value: 'v' }]), 'multipart field name "x=@secret.txt;y"'],
    ['a NUL in a multipart value', multipart([{ name: 'a', value: 'x\0y' }]), 'the value of multipart field "a"'],
    ['a NUL in a text body', { body: { kind: 'text' as const, mediaType: 'text/plain', text: 'a\0b' } }, 'the text body'],
    ['a header name with a colon', { headers: [['X-A: b', 'v']] as Array<[string, string]> }, 'header name "X-A: b"'],
    ['a header value with a line break', { headers: [['X-A', 'a\r\nX-Injected: 1']] as Array<[string, string]> }, 'the value of header X-A'],
    ['a non-ASCII header value', { headers: [['X-A', 'ünï']] as Array<[string, string]> }, 'the value of header X-A'],
    ["a line break in the key", { auth: { scheme: "bearer", in: "header" as const, name: "Authorization", prefix: "Bearer ", key: "k\nX-Injected: 1" } }, "the key sent in Authorization"],
  ])('%s', (_, over, what) => {
    expect(refused(over)).toMatch(new RegExp(`^openapi/fuzz \\(operation upload-file \\(POST /v1/items\\)\\): ${what.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}`));
  });
});

describe('hand-written snippets under hostile overrides', () => {
  const NUMBERS: Record<string, number> = { pollSeconds: 0 };
  for (const snippet of Object.values(registry.snippets).filter((s) => !s.group.startsWith('_'))) {
    const vars = [...new Set(snippet.templates.flatMap((t) => t.variables))];
    it(`${snippet.id}: every variable hostile, every language run`, async () => {
      const id = String(++next);
      const overrides: Record<string, unknown> = {};
      for (const name of vars) overrides[name] = name === 'baseUrl' ? `${base}/run/${id}/base` : name === 'apiKey' ? HV : name in NUMBERS ? NUMBERS[name] : `${H1}\n${H2}`;
      const languages = renderSnippet(registry, compiled, snippet.id, overrides).variants.length;
      for (let i = 0; i < languages; i++) {
        // Each language sends to its own /run/<id> so its requests are told apart.
        const runId = `${id}${i}`;
        const variant = renderSnippet(registry, compiled, snippet.id, { ...overrides, ...(vars.includes('baseUrl') ? { baseUrl: `${base}/run/${runId}/base` } : {}) }).variants[i];
        const run = await execute(variant, runId);
        const requests = received.get(runId) ?? [];
        const log = `exit ${run.status}\n--- code\n${variant.code}\n--- stdout\n${run.stdout.slice(0, 1500)}\n--- stderr\n${run.stderr.slice(0, 1500)}`;
        expect(run.status, log).toBe(0);
        expectNothingElseRan(run.dir, requests, log);
        expect(requests.length, log).toBeGreaterThan(0);
        // Every hostile value arrived intact: in a JSON body, or as the bearer key.
        const bodies = requests.map((r) => r.body.toString('utf8')).filter((b) => b.startsWith('{')).map((b) => JSON.stringify(JSON.parse(b)));
        for (const [name, value] of Object.entries(overrides)) {
          if (name === 'baseUrl' || name in NUMBERS) continue;
          if (name === 'apiKey') expect(requests.every((r) => r.headers.authorization === `Bearer ${HV}`), log).toBe(true);
          else expect(bodies.some((b) => b.includes(JSON.stringify(value).slice(1, -1))), `${name}\n${log}`).toBe(true);
        }
      }
    });
  }
});
