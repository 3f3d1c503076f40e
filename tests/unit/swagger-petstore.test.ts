// A real Swagger 2.0 spec (the petstore of @readme/oas-examples) treated like any 3.x spec:
// every operation gets its reference page data, and every generated snippet of every
// operation runs against the sandbox over real HTTP. The petstore documents no examples, so
// the placeholders a reader fills in (`<PETID>`) are filled the way a reader would, from the
// parameter's schema. Each request must reach its operation and pass the sandbox's checks.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleValue, type ApiModel, type Operation } from '../../src/openapi/index.ts';
import { loadApi } from '../../src/openapi/load.node.ts';
import { createApiSidebar, createReferenceUrls, operationOutline, toPanels } from '../../src/reference/index.ts';
import { describeOperation } from '../../src/request/index.ts';
type RequestOverrides = NonNullable<Parameters<typeof describeOperation>[2]>;
import { createSandbox } from '../../src/sandbox/index.ts';
import { serveSandbox, type ServedSandbox } from '../../src/sandbox/serve.node.ts';
import { compileSnippets, renderRequest } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';
import { runProcess } from './run-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/.output/swagger-petstore');
const require = createRequire(import.meta.url);
const PETSTORE = join(dirname(require.resolve('@readme/oas-examples/package.json')), '2.0/json/petstore.json');
const RUNNERS: Record<string, { program: string; ext: string }> = {
  shell: { program: 'bash', ext: 'sh' },
  python: { program: '/usr/bin/python3', ext: 'py' },
  javascript: { program: join(ROOT, 'node_modules/.bin/node'), ext: 'mjs' },
};

interface Seen { operation: string; status: number; body: string }
const api: ApiModel = await loadApi(PETSTORE, ROOT);
const registry = loadSnippets('snippets', ROOT);
const compiled = compileSnippets(registry);
const seen: Seen[] = [];
let sandbox: ServedSandbox;

/** Values for the parameters the spec gives no example for, as a reader types them in. */
function readerValues(op: Operation): RequestOverrides {
  const value = (p: Operation['parameters'][number]) => sampleValue(api.schemas, p.schema);
  const pathParams = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, String(value(p))]));
  const query = op.parameters.filter((p) => p.in === 'query' && p.required).flatMap((p) => {
    const v = value(p);
    return (Array.isArray(v) ? v : [v]).map((item) => [p.name, String(item)] as [string, string]);
  });
  return { pathParams, ...(query.length > 0 ? { query } : {}) };
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const handler = createSandbox([api], { eventDelayMs: 1 });
  sandbox = await serveSandbox(async (request) => {
    const response = await handler(request);
    const body = await response.clone().text();
    const url = new URL(request.url);
    seen.push({ operation: `${request.method} ${url.pathname}`, status: response.status, body });
    return response;
  });
});

afterAll(async () => {
  await sandbox?.close();
});

describe('the Swagger 2.0 petstore', () => {
  it('has page data for every operation: a sidebar link, an outline and highlighted snippets', async () => {
    const urls = createReferenceUrls('/');
    const sidebar = JSON.stringify(createApiSidebar({ api, apis: [{ id: api.id, title: api.title }] }));
    expect(api.operations.length).toBe(20);
    for (const op of api.operations) {
      expect(sidebar, op.slug).toContain(urls.operation(api.id, op.slug));
      expect(operationOutline(op).length, op.slug).toBeGreaterThan(0);
      const panels = await toPanels(renderRequest(registry, compiled, describeOperation(api, op)));
      expect(panels.length, op.slug).toBeGreaterThanOrEqual(3);
      for (const panel of panels) expect(panel.html, `${op.slug} ${panel.key}`).toContain('class="shiki');
    }
  });

  it('every generated snippet of every operation reaches its operation and passes the sandbox’s checks', async () => {
    let index = 0;
    const runs: Array<{ name: string; op: Operation; status: number | null; stdout: string; stderr: string; from: number; to: number }> = [];
    for (const op of api.operations) {
      const described = describeOperation(api, op, { baseUrl: `${sandbox.url}/${api.id}`, key: 'sk-test-1', ...readerValues(op) });
      for (const variant of renderRequest(registry, compiled, described)) {
        const runner = RUNNERS[variant.language.id];
        expect(runner, variant.language.id).toBeDefined();
        const dir = join(OUT, String(index++).padStart(3, '0'));
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `snippet.${runner.ext}`);
        writeFileSync(file, variant.code);
        writeFileSync(join(dir, 'file.bin'), 'bytes'); // the file a reader uploads (uploadFile)
        const from = seen.length;
        const result = await runProcess(runner.program, [file], dir);
        runs.push({ name: `${op.slug} ${variant.key}`, op, ...result, from, to: seen.length });
      }
    }
    expect(runs.length).toBeGreaterThanOrEqual(60);
    for (const run of runs) {
      const log = `${run.name}\n--- stdout\n${run.stdout.slice(0, 800)}\n--- stderr\n${run.stderr.slice(0, 800)}`;
      const requests = seen.slice(run.from, run.to);
      expect(requests.length, log).toBe(1);
      const [answer] = requests;
      // Routed, authorised and valid: the sandbox's own refusals all carry a SANDBOX_ code.
      expect(answer.body, log).not.toContain('SANDBOX_');
      const documented = run.op.responses.map((r) => r.status);
      expect(documented.includes(String(answer.status)) || documented.includes('default') || answer.status === 200, `${log}\nstatus ${answer.status}`).toBe(true);
      // A success exits 0. Where the spec documents only an error (`405 Invalid input`), the
      // Python and JavaScript snippets fail loudly; curl prints the body it got, as curl does.
      if (answer.status < 300) expect(run.status, log).toBe(0);
      else if (!run.name.endsWith('.sh')) expect(run.status, log).not.toBe(0);
    }
  }, 240_000);
});
