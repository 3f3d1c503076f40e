import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import runtime from 'handlebars/runtime';
import { describe, expect, it } from 'vitest';
import { loadApis } from '../openapi/load.node.ts';
import { describeOperation } from '../request/index.ts';
import { compileSnippets, fromPrecompiled, precompileSnippets, renderRequest, renderSnippet, type HandlebarsRuntime } from './index.ts';
import { loadSnippets } from './registry.node.ts';

describe('precompiled templates on the Handlebars runtime alone', () => {
  it('render every snippet exactly as the compiler does, and report missing variables the same way', async () => {
    const registry = loadSnippets('snippets');
    const dir = resolve('tests/.output/precompiled');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'templates.mjs');
    writeFileSync(file, precompileSnippets(registry));
    const specs = (await import(pathToFileURL(file).href)).default as Record<string, unknown>;
    const viaRuntime = fromPrecompiled(runtime as unknown as HandlebarsRuntime, registry, specs);
    const viaCompiler = compileSnippets(registry);
    let compared = 0;
    for (const api of await loadApis('openapi')) {
      for (const op of api.operations) {
        const described = describeOperation(api, op);
        expect(renderRequest(registry, viaRuntime, described)).toEqual(renderRequest(registry, viaCompiler, described));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
    expect(renderSnippet(registry, viaRuntime, 'melious.chat-completion', { prompt: "it's" })).toEqual(renderSnippet(registry, viaCompiler, 'melious.chat-completion', { prompt: "it's" }));
    const withoutModel = { ...registry, snippets: { ...registry.snippets, 'melious.chat-completion': { ...registry.snippets['melious.chat-completion'], config: { ...registry.snippets['melious.chat-completion'].config, payload: {} } } } };
    expect(() => renderSnippet(withoutModel, viaRuntime, 'melious.chat-completion')).toThrow(/snippets\/melious\/chat-completion\/sh\.hbs \(line \d+\): \{\{baseUrl\}\} has no value/);
  });
});
