import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../openapi/index.ts';
import { loadApi } from '../openapi/load.node.ts';
import { buildAjvHelper } from './ajv-runtime.node.ts';
import type { ValidatorModule } from './check-response.ts';
import type { ValidatorGroupModule } from './validator-groups.ts';
import { createValidatorCompiler, RUNTIME_HELPERS, type ValidatorCompiler } from './compile-validators.ts';
import { toResponseSchemas } from './response-schemas.ts';

let dir: string;
let runtimeBase: string;

/** A spec whose named schemas form a cycle (as most of Stripe's do) and use a format. */
const TREE_SPEC = `openapi: 3.1.0
info: { title: Tree, version: '1' }
paths:
  /nodes/{id}:
    put:
      operationId: putNode
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, minLength: 2 } }
        - { name: depth, in: query, schema: { type: integer, maximum: 5 } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Node' }
      responses:
        '200': { description: ok }
  /nodes:
    post:
      operationId: createNode
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                parent: { $ref: '#/components/schemas/Node' }
      responses:
        '201': { description: created }
components:
  schemas:
    Node:
      type: object
      required: [name]
      properties:
        name: { type: string }
        link: { type: string, format: uri }
        children: { type: array, items: { $ref: '#/components/schemas/Branch' } }
    Branch:
      type: object
      properties:
        node: { $ref: '#/components/schemas/Node' }
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tryit-validators-'));
  mkdirSync(join(dir, 'runtime'));
  for (const helper of Object.keys(RUNTIME_HELPERS)) writeFileSync(join(dir, 'runtime', `${helper}.js`), await buildAjvHelper(helper));
  runtimeBase = pathToFileURL(join(dir, 'runtime')).href;
});

const opOf = (api: ApiModel, slug: string) => api.operations.find((o) => o.slug === slug)!;

/** Compiles a group of operations into one module, imports it, and returns the checks by slug. */
async function loadGroup(api: ApiModel, compile: ValidatorCompiler, slugs: string[]): Promise<ValidatorGroupModule['operations']> {
  const file = join(dir, api.id, `${slugs.join('+')}.mjs`);
  mkdirSync(join(dir, api.id), { recursive: true });
  writeFileSync(file, compile(slugs.map((slug) => opOf(api, slug)), runtimeBase));
  return ((await import(pathToFileURL(file).href)) as ValidatorGroupModule).operations;
}

async function load(api: ApiModel, compile: ValidatorCompiler, slug: string): Promise<ValidatorModule> {
  return (await loadGroup(api, compile, [slug]))[slug];
}

describe('createValidatorCompiler on a real spec', () => {
  let api: ApiModel;
  let compile: ValidatorCompiler;
  beforeAll(async () => {
    api = await loadApi('openapi/melancholy.yaml');
    compile = createValidatorCompiler(api);
  });

  it('compiles the request body into a module that needs no Ajv', async () => {
    const module = await load(api, compile, 'create-image');
    expect(module.body!({ prompt: 'a cat', n: 1, size: '512x512' })).toBe(true);
    expect(module.body!({ n: 0, size: 'big' })).toBe(false);
    expect(module.body!.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([' required', '/n minimum', '/size pattern']);
  });

  it('follows $refs into the named schemas', async () => {
    const module = await load(api, compile, 'create-chat-completion');
    expect(module.body!({ model: 'm', messages: [{ role: 'robot', content: 'x' }] })).toBe(false);
    expect(module.body!.errors![0]).toMatchObject({ instancePath: '/messages/0/role', keyword: 'enum' });
  });

  it('checks parameters keyed by location and name', async () => {
    const module = await load(api, compile, 'get-video-task');
    expect(module.params({ 'path:task_id': 'abc' })).toBe(true);
    expect(module.params({})).toBe(false);
    expect(module.body).toBeUndefined();
  });

  it('writes out only the schema constants the code reads', () => {
    const code = compile([opOf(api, 'create-image')], runtimeBase);
    for (const [, name] of code.matchAll(/\bconst (schema\d+) =/g)) expect(code.split(name).length).toBeGreaterThan(2);
    expect(code).not.toContain('"description"');
  });
});

describe('createValidatorCompiler on cyclic named schemas', () => {
  let api: ApiModel;
  let compile: ValidatorCompiler;
  beforeAll(async () => {
    writeFileSync(join(dir, 'tree.yaml'), TREE_SPEC);
    api = await loadApi(join(dir, 'tree.yaml'));
    compile = createValidatorCompiler(api);
  });

  it('validates data nested through the cycle, with formats from the shared runtime', async () => {
    const module = await load(api, compile, 'put-node');
    const tree = { name: 'a', children: [{ node: { name: 'b', children: [{ node: { name: 'c', link: 'https://x.test/c' } }] } }] };
    expect(module.body!(tree)).toBe(true);
    const broken = { name: 'a', children: [{ node: { children: [{ node: { name: 'c', link: 'not a uri' } }] } }] };
    expect(module.body!(broken)).toBe(false);
    expect(module.body!.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/children/0/node required',
      '/children/0/node/children/0/node/link format',
    ]);
    expect(module.params({ 'path:id': 'x', 'query:depth': 9 })).toBe(false);
    expect(module.params.errors!.map((e) => e.keyword).sort()).toEqual(['maximum', 'minLength']);
  });

  it('imports only the runtime helpers its code uses', () => {
    const code = compile([opOf(api, 'put-node')], '/rt');
    expect(code.match(/^import .*$/gm)).toEqual(['import __rt_ucs2length from "/rt/ucs2length.js";', 'import __rt_formats from "/rt/formats.js";']);
    expect(compile([opOf(api, 'create-node')], '/rt')).toMatch(/^import __rt_formats from "\/rt\/formats.js";\nexport /);
  });

  it('gives every operation that reaches a named schema its own complete module', async () => {
    const first = await load(api, compile, 'put-node');
    const second = await load(api, compile, 'create-node');
    expect(second.body!({ parent: { name: 'p', children: [{ node: {} }] } })).toBe(false);
    expect(second.body!.errors![0]).toMatchObject({ instancePath: '/parent/children/0/node', keyword: 'required' });
    expect(first.body!({ name: 'again' })).toBe(true);
  });

  it('puts a group of operations in one module that writes the shared named schemas once', async () => {
    const group = await loadGroup(api, compile, ['put-node', 'create-node']);
    expect(Object.keys(group)).toEqual(['put-node', 'create-node']);
    expect(group['put-node'].body!({ name: 'a', children: [{ node: { name: 'b' } }] })).toBe(true);
    expect(group['create-node'].body!({ parent: { name: 'p', children: [{ node: {} }] } })).toBe(false);
    expect(group['put-node'].params({ 'path:id': 'x' })).toBe(false);
    const together = compile([opOf(api, 'put-node'), opOf(api, 'create-node')], '/rt').length;
    const apart = compile([opOf(api, 'put-node')], '/rt').length + compile([opOf(api, 'create-node')], '/rt').length;
    expect(together).toBeLessThan(apart);
  });

  it('names the operation when a schema cannot be compiled', () => {
    const op = api.operations.find((o) => o.slug === 'put-node')!;
    const bad = { ...op, parameters: [{ ...op.parameters[0], schema: { type: 'string', pattern: '(' } }] };
    expect(() => createValidatorCompiler(api)([opOf(api, 'create-node'), bad], runtimeBase)).toThrow(/tree\.yaml PUT \/nodes\/\{id\}: Ajv cannot compile the request schema: .*\(/);
  });
});

describe('createValidatorCompiler past the reach limit', () => {
  let api: ApiModel;
  let server: Server;
  let componentsUrl: string;
  let fetched = 0;
  beforeAll(async () => {
    api = await loadApi(join(dir, 'tree.yaml'));
    const json = JSON.stringify(toResponseSchemas(api));
    server = createServer((_req, res) => {
      fetched++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(json);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    componentsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tryit/tree/response-schemas.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('ships a compile helper with no Ajv in it and no code generated in the browser (a strict CSP allows it)', async () => {
    const helper = await buildAjvHelper('compile');
    expect(helper).not.toMatch(/new Function|\beval\(|ajv/i);
    expect(gzipSync(helper).length).toBeLessThan(12 * 1024);
  });

  it('keeps build-time code for a group whose named schemas stay within the limit', () => {
    const code = createValidatorCompiler(api, { componentsUrl })([opOf(api, 'put-node')], '/rt');
    expect(code).toContain('function validate');
    expect(code).not.toContain('/rt/compile.js');
  });

  it("compiles a group past it in the browser, against the API's named schemas fetched once, with the same checks", async () => {
    const compile = createValidatorCompiler(api, { componentsUrl, reachLimit: 10 });
    const code = compile([opOf(api, 'put-node'), opOf(api, 'create-node')], runtimeBase);
    expect(code).not.toContain('function validate');
    expect(code).toMatch(/^import __rt_compile from ".*\/compile\.js";\nimport __rt_formats from ".*\/formats\.js";\n/);
    // A file of its own: the module cache would hand back the build-time group of the same operations.
    const file = join(dir, 'tree-in-browser.mjs');
    writeFileSync(file, code);
    const group = ((await import(pathToFileURL(file).href)) as ValidatorGroupModule).operations;
    const broken = { name: 'a', children: [{ node: { children: [{ node: { name: 'c', link: 'not a uri' } }] } }] };
    expect(group['put-node'].body!(broken)).toBe(false);
    expect(group['put-node'].body!.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/children/0/node required',
      '/children/0/node/children/0/node/link format',
    ]);
    expect(group['put-node'].body!({ name: 'a', children: [{ node: { name: 'b' } }] })).toBe(true);
    expect(group['put-node'].body!.errors).toBeNull();
    expect(group['put-node'].params({ 'path:id': 'x', 'query:depth': 9 })).toBe(false);
    expect(group['put-node'].params.errors!.map((e) => e.keyword).sort()).toEqual(['maximum', 'minLength']);
    expect(group['create-node'].body!({ parent: { name: 'p', children: [{ node: {} }] } })).toBe(false);
    expect(group['create-node'].body!.errors![0]).toMatchObject({ instancePath: '/parent/children/0/node', keyword: 'required' });
    expect(fetched).toBe(1);
  });
});
