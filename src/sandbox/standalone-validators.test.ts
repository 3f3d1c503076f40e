// The build's standalone validators answer exactly as the ones Ajv compiles on demand: the
// same scenarios through two sandboxes, one of each.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadApis } from '../openapi/load.node.ts';
import { createSandbox } from './create-sandbox.ts';
import { toStandaloneValidators } from './standalone-validators.ts';
import type { CompiledValidators } from './validate-request.ts';

const apis = await loadApis('openapi');
const requireHere = createRequire(import.meta.url);

/** Loads a CommonJS module from its source, as a bundler would (Ajv's runtime helpers from node_modules). */
function load(source: string): CompiledValidators {
  const module = { exports: {} as CompiledValidators };
  new Function('require', 'module', 'exports', source)(requireHere, module, module.exports);
  return module.exports;
}

const validators = Object.fromEntries(
  apis.map((api) => {
    const { coercing, strict } = toStandaloneValidators(api);
    return [api.id, { ...load(coercing), ...load(strict) }];
  }),
);
const onDemand = createSandbox(apis, { eventDelayMs: 0 });
const precompiled = createSandbox(apis, { eventDelayMs: 0, validators });

const AUTH = { authorization: 'Bearer k', 'content-type': 'application/json' };
const cases: Array<[string, string, string, Record<string, string>, string?]> = [
  ['a valid chat completion', 'POST', '/melious/v1/chat/completions', AUTH, '{"model":"glm-4.7","messages":[{"role":"user","content":"hi"}]}'],
  ['a missing field', 'POST', '/melious/v1/chat/completions', AUTH, '{"model":"glm-4.7"}'],
  ['a bad enum', 'POST', '/melious/v1/chat/completions', AUTH, '{"model":"glm-4.7","messages":[{"role":"wizard","content":"hi"}]}'],
  ['a query coerced from text', 'GET', '/melious/v1/models?limit=notanumber', AUTH],
  ['an Anthropic message', 'POST', '/melious/v1/messages', { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }, '{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}'],
];

describe('standalone validators', () => {
  it('cover every operation of every spec', () => {
    for (const api of apis) {
      for (const op of api.operations.filter((o) => !o.webhook)) expect(validators[api.id], `${api.id} ${op.slug}`).toHaveProperty(`${op.slug} params`);
    }
  });

  it.each(cases)('answer %s as the on-demand ones do', async (_name, method, path, headers, body) => {
    const ask = (sandbox: typeof onDemand) => sandbox(new Request(`http://sandbox${path}`, { method, headers, body }));
    const [a, b] = await Promise.all([ask(onDemand), ask(precompiled)]);
    expect(b.status).toBe(a.status);
    expect(await b.text()).toBe(await a.text());
  });

  it('refuse to guess when a validator is missing', async () => {
    const partial = createSandbox(apis, { eventDelayMs: 0, validators: { melious: {} } });
    await expect(partial(new Request('http://sandbox/melious/v1/models', { headers: AUTH }))).rejects.toThrow('melious: no compiled validator for list-models params; rebuild the Worker.');
  });
});
