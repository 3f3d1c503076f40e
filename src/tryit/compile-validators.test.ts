import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../openapi/index.ts';
import { loadApi } from '../openapi/load.node.ts';
import { buildAjvRuntime } from './ajv-runtime.node.ts';
import { compileValidators } from './compile-validators.ts';

type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string }> | null };
interface Module { params: Validate; body?: Validate; responses: Record<string, Validate> }

let api: ApiModel;
let dir: string;
let runtimeUrl: string;

beforeAll(async () => {
  api = await loadApi('openapi/melancholy.yaml');
  dir = mkdtempSync(join(tmpdir(), 'tryit-validators-'));
  writeFileSync(join(dir, 'runtime.js'), await buildAjvRuntime());
  runtimeUrl = pathToFileURL(join(dir, 'runtime.js')).href;
});

async function load(slug: string): Promise<Module> {
  const op = api.operations.find((o) => o.slug === slug)!;
  const file = join(dir, `${slug}.mjs`);
  writeFileSync(file, compileValidators(api, op, runtimeUrl));
  return import(pathToFileURL(file).href);
}

describe('compileValidators', () => {
  it('compiles the request body of a real spec into a module that needs no Ajv', async () => {
    const module = await load('create-image');
    expect(module.body!({ prompt: 'a cat', n: 1, size: '512x512' })).toBe(true);
    expect(module.body!({ n: 0, size: 'big' })).toBe(false);
    expect(module.body!.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([' required', '/n minimum', '/size pattern']);
  });

  it('follows $refs into the component schemas and checks documented responses by status and media type', async () => {
    const module = await load('create-chat-completion');
    expect(module.body!({ model: 'm', messages: [{ role: 'robot', content: 'x' }] })).toBe(false);
    expect(module.body!.errors![0]).toMatchObject({ instancePath: '/messages/0/role', keyword: 'enum' });
    const ok = module.responses['200 application/json'];
    expect(ok({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [] })).toBe(true);
    expect(ok({ id: 'c', object: 'chat.completion', created: 'now', model: 'm' })).toBe(false);
    expect(Object.keys(module.responses)).toEqual(expect.arrayContaining(['200 text/event-stream', '401 application/json']));
  });

  it('checks parameters keyed by location and name', async () => {
    const module = await load('get-video-task');
    expect(module.params({ 'path:task_id': 'abc' })).toBe(true);
    expect(module.params({})).toBe(false);
    expect(module.body).toBeUndefined();
  });

  it('checks formats through the shared runtime', async () => {
    const module = await load('get-video-task');
    const task = module.responses['200 application/json'];
    expect(task({ status: 'COMPLETED', video_url: 'https://x.test/v.mp4' })).toBe(true);
    expect(task({ status: 'COMPLETED', video_url: 'not a uri' })).toBe(false);
  });
});
