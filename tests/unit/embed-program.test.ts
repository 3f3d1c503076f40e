// The embed's template runner against Handlebars on the richest templates we have: the
// generated clients (each, @last, ../, else-if chains, nested helpers), rendered for every
// operation of every spec. The embed does not ship these, but they exercise every rule the
// runner copies from Handlebars, so a divergence shows up here first.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { piecesToText, runProgram } from '../../src/embed/run-program.ts';
import { toProgram } from '../../src/embed/to-program.ts';
import { loadApis } from '../../src/openapi/load.node.ts';
import { describeOperation } from '../../src/request/index.ts';
import { compileSnippets, GENERATED_GROUP, helpers, toRequestView } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const apis = await loadApis(join(ROOT, 'openapi'), ROOT);
const registry = loadSnippets('snippets', ROOT);
const compiled = compileSnippets(registry);
const generated = Object.values(registry.snippets).filter((s) => s.group === GENERATED_GROUP);

describe('generated client templates through the embed runner', () => {
  for (const snippet of generated) {
    for (const t of snippet.templates) {
      it(`${t.file}: same output as Handlebars for every operation`, () => {
        const program = toProgram(t.source, t.file, Object.keys(helpers));
        let checked = 0;
        for (const api of apis) {
          for (const op of api.operations.filter((o) => !o.webhook)) {
            const described = describeOperation(api, op, { baseUrl: `https://example.test/${api.id}`, key: 'sk-"x\'' });
            for (const spec of [described.spec, ...(described.streaming ? [described.streaming] : [])]) {
              const view = toRequestView(spec, described.response, described.followUp, 2);
              // As renderRequest does: an SDK client only for the operations that SDK calls.
              const requires = snippet.config.requires;
              if (requires && (!view[requires] || view.poll)) continue;
              const context = { ...snippet.config.payload, ...(view as unknown as Record<string, unknown>) };
              const expected = compiled[`${snippet.id}/${t.alias}`](context);
              expect(piecesToText(runProgram(program, context, helpers)), `${api.id} ${op.slug}`).toBe(expected);
              checked++;
            }
          }
        }
        expect(checked).toBeGreaterThan(0);
      });
    }
  }
});
