// The template programs against Handlebars on the richest templates we have, the generated
// clients (each, @last, ../, else-if chains, nested helpers), exactly as the try-it console
// renders them: the JSON its route serves (`toSnippetPrograms`, through JSON.stringify/parse)
// run by `fromSnippetPrograms`, against the build's Handlebars-compiled templates, through
// `renderRequest`, for every operation of every spec, as documented and as a reader edits it.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApis } from '../../src/openapi/load.node.ts';
import { describeOperation, KEY_PLACEHOLDER, type JsonValue, type RequestSpec } from '../../src/request/index.ts';
import { compileSnippets, fromSnippetPrograms, GENERATED_GROUP, renderRequest, toSnippetPrograms, type CompiledSnippets, type SnippetPrograms } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';
import { maskKey } from '../../src/tryit/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const apis = await loadApis(join(ROOT, 'openapi'), ROOT);
const registry = loadSnippets('snippets', ROOT);
const viaHandlebars = compileSnippets(registry);
const programs = JSON.parse(JSON.stringify(toSnippetPrograms(registry, GENERATED_GROUP))) as SnippetPrograms;
const used = new Set<string>();
const viaPrograms = counting(fromSnippetPrograms(programs));

/** What a reader may type into any field of the try-it form. */
const TYPED = `q"uo'te\\ $HOME \`x\` {y} %s {{z}} ünïcødé ✓\nline 2`;
/** Header values are bytes on one line: a line break or non-ASCII there is refused (check-request.ts). */
const TYPED_HEADER = `q"uo'te\\ $HOME \`x\` {y} %s {{z}}`;

/** The request with every value the form can edit replaced by `TYPED`. */
function edited(spec: RequestSpec): RequestSpec {
  const deep = (value: JsonValue): JsonValue =>
    typeof value === 'string' ? TYPED
      : Array.isArray(value) ? value.map(deep)
        : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)])) : value;
  const body = spec.body?.kind === 'json' ? { ...spec.body, value: deep(spec.body.value) }
    : spec.body?.kind === 'multipart' ? { ...spec.body, parts: spec.body.parts.map((p) => ('value' in p ? { ...p, value: TYPED } : p)) }
      : spec.body?.kind === 'text' ? { ...spec.body, text: TYPED } : undefined;
  return {
    ...spec,
    pathParams: Object.fromEntries(Object.keys(spec.pathParams).map((k) => [k, TYPED])),
    query: spec.query.map(([k]) => [k, TYPED]),
    headers: spec.headers.map(([k]) => [k, TYPED_HEADER]),
    ...(spec.auth ? { auth: { ...spec.auth, key: spec.auth.in === 'header' ? TYPED_HEADER : TYPED } } : {}),
    ...(body ? { body } : {}),
  };
}

describe('generated clients from programs, as the try-it console renders them', () => {
  for (const api of apis) {
    it(`${api.id}: the same code as Handlebars for every operation, documented and edited`, () => {
      let compared = 0;
      for (const op of api.operations.filter((o) => !o.webhook)) {
        const described = describeOperation(api, op, { baseUrl: `http://127.0.0.1:4321/api/proxy/${api.id}` });
        const key = (spec: RequestSpec, k: string): RequestSpec => (spec.auth ? { ...spec, auth: { ...spec.auth, key: k } } : spec);
        const specs = [described.spec, ...(described.streaming ? [described.streaming] : [])].flatMap((spec) => [
          key(spec, KEY_PLACEHOLDER), key(spec, maskKey('sk-live-0123456789abcdef')), edited(spec),
        ]);
        for (const spec of specs) {
          const input = { spec, response: described.response, followUp: described.followUp };
          const expected = renderRequest(registry, viaHandlebars, input);
          expect(renderRequest(programs, viaPrograms, input), `${op.slug} ${spec.stream ? 'stream' : ''}`).toEqual(expected);
          expect(expected.length).toBeGreaterThan(0);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it('ran every generated template at least once', () => {
    const all = Object.values(registry.snippets).filter((s) => s.group === GENERATED_GROUP).flatMap((s) => s.templates.map((t) => `${s.id}/${t.alias}`));
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter((k) => !used.has(k))).toEqual([]);
  });

  it('reports a missing value as the build does, naming the template file and line', () => {
    const messageOf = (render: () => string) => {
      try {
        return render();
      } catch (error) {
        return (error as Error).message;
      }
    };
    let missing = 0;
    for (const snippet of Object.values(programs.snippets)) {
      for (const t of snippet.templates) {
        const key = `${snippet.id}/${t.alias}`;
        // With no values at all, a template fails on its first lookup or in a helper given nothing.
        const message = messageOf(() => viaPrograms[key]({}));
        expect(message, key).toBe(messageOf(() => viaHandlebars[key]({})));
        expect(message.startsWith(`${t.file}`), message).toBe(true);
        if (/^\S+ \(line \d+\): \{\{\w+\}\} has no value\. Add "\w+" to "payload" in snippets\/_generated\//.test(message)) missing++;
      }
    }
    expect(missing).toBeGreaterThan(0);
  });
});

function counting(compiled: CompiledSnippets): CompiledSnippets {
  return Object.fromEntries(Object.entries(compiled).map(([k, fn]) => [k, (context: Record<string, unknown>) => (used.add(k), fn(context))]));
}
