// The embed bundle against seed 004's approach, in one run, in Chromium: bytes a host page
// loads (raw and gzip) and the time from navigation to every snippet highlighted, for pages
// with 0, 3 and 50 snippets. Both serve the same templates (snippets/ plus the seed fixture
// folders) from a static server on one port to a host page on another.
// Seed 004's approach is rebuilt here, in tests/.output (never product code): React +
// `shiki/bundle/web` (codeToHtml, Oniguruma WASM) + full Handlebars compiling in the browser,
// every template bundled up front, as its src/ did. Its UI libraries (scrollbars, skeleton,
// icons) and CSS are left out, so the seed's real figures were larger than the ones here.
// Budgets (shared/DESIGN.md): initial script ≤ 5 KB gzip, a 3-snippet page ≤ 60 KB gzip,
// load → all highlighted ≤ 0.5× the seed's at 3 and at 50 snippets.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS } from '../system/tools.ts';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import { buildEmbed, writeEmbed } from '../../src/embed/build.node.ts';
import { embeddableIds } from '../../src/embed/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/.output/embed-bench');
const RUNS = Number(process.env.EMBED_BENCH_RUNS ?? 5);

// ---------------------------------------------------------------- the same templates for both

rmSync(OUT, { recursive: true, force: true });
const SNIPPETS = 'tests/.output/embed-bench/snippets';
for (const from of ['snippets', 'tests/fixtures/seed-snippets']) {
  for (const group of readdirSync(join(ROOT, from)).filter((g) => !g.startsWith('_') && statSync(join(ROOT, from, g)).isDirectory())) {
    cpSync(join(ROOT, from, group), join(ROOT, SNIPPETS, group), { recursive: true });
  }
}
const registry = loadSnippets(SNIPPETS, ROOT);
const ids = embeddableIds(registry);

// ---------------------------------------------------------------- ours

const oursDir = join(OUT, 'www/ours');
writeEmbed(oursDir, await buildEmbed(SNIPPETS, ROOT));

// ---------------------------------------------------------------- seed 004's approach, rebuilt

const seedSrc = join(OUT, 'seed-src');
mkdirSync(seedSrc, { recursive: true });
const templates: Record<string, unknown> = {};
for (const s of Object.values(registry.snippets)) {
  for (const t of s.templates) {
    templates[`../../../../shared/snippets/${s.group}/${s.name}/${t.alias}.hbs`] = { group: s.group, name: s.name, language: t.alias, content: t.source, config: JSON.parse(readFileSync(join(ROOT, s.configFile), 'utf8')) };
  }
}
const SEED_FILES: Record<string, string> = {
  // constants/snippets.ts: what import.meta.glob('…/*.hbs', { eager: true, query: '?raw' }) put in the bundle.
  'snippets.ts': `export const snippets = ${JSON.stringify(templates)};`,
  'main.ts': `const run = async () => { const app = await import('./inject.tsx'); app.inject(); };
if (['complete', 'loaded', 'interactive'].includes(document.readyState)) run(); else document.addEventListener('DOMContentLoaded', () => run());`,
  'inject.tsx': `import { StrictMode } from 'react'; import { createRoot } from 'react-dom/client'; import App from './app.tsx';
export const inject = () => { const element = document.createElement('div'); document.body.append(element); createRoot(element).render(<StrictMode><App /></StrictMode>); };`,
  // components/app + utils/load-template-snippets, load-page-snippets, compile-snippets. Our templates
  // call the snippet helpers, so they are registered on the full Handlebars here.
  'app.tsx': `import { useMemo } from 'react'; import { createPortal } from 'react-dom'; import hbs from 'handlebars';
import { helpers } from ${JSON.stringify(join(ROOT, 'src/snippets/helpers.ts'))}; import { snippets } from './snippets.ts'; import SnippetViewer from './viewer.tsx';
for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
const loadTemplateSnippets = () => { const byKey = {}; Object.keys(snippets).forEach((key) => { const s = snippets[key];
  const k = [s.group, s.name].join('.').replace(/_/gm, '-'); const option = { language: s.language, content: s.content };
  byKey[k] = { ...byKey[k], key, config: { ...s.config, title: s.config.title || s.name }, options: [...(byKey[k]?.options || []), option], payload: s.config.payload || {} }; }); return byKey; };
const loadPageSnippets = () => { const byId = {}; document.querySelectorAll('snippet[data-name]').forEach((element) => { const { name, ...payload } = element.dataset;
  const id = Math.random().toFixed(10).slice(2); byId[id] = { id, key: name, payload, element }; }); return byId; };
const compileSnippets = (templates, page) => { const out = {}; for (const id in page) { const s = page[id]; const t = templates[s.key]; if (!t) continue;
  out[id] = { snippet: s, template: t, options: t.options.map((o) => ({ ...o, content: hbs.compile(o.content, { noEscape: true })({ ...t.payload, ...s.payload }) })) }; } return out; };
export default function App() {
  const { compiledById, list } = useMemo(() => { const t = loadTemplateSnippets(); const p = loadPageSnippets(); return { compiledById: compileSnippets(t, p), list: Object.values(p) }; }, []);
  return <>{list.filter((s) => compiledById[s.id]).map((s) => createPortal(<SnippetViewer key={s.id} snippet={compiledById[s.id]} />, s.element))}</>;
}`,
  // components/snippet-viewer: every language highlighted with codeToHtml on mount.
  'viewer.tsx': `import { codeToHtml } from 'shiki/bundle/web'; import { useCallback, useEffect, useMemo, useState } from 'react';
export default function SnippetViewer({ snippet }) {
  const [options, setOptions] = useState(() => snippet.options.map((s) => ({ ...s, html: '' })));
  const [language, setLanguage] = useState(snippet.options[0].language);
  const selected = useMemo(() => options.find((o) => o.language === language) || options[0], [language, options]);
  useEffect(() => { let cancelled = false; snippet.options.forEach((o, i) => { codeToHtml(o.content, { lang: o.language, theme: 'github-dark', transformers: [] }).then((html) => {
    if (cancelled) return; setOptions((prev) => { const next = [...prev]; next[i] = { ...next[i], html, loaded: true }; return next; }); }); }); return () => { cancelled = true; }; }, [snippet.options]);
  const copy = useCallback(() => navigator.clipboard.writeText(selected.content), [selected.content]);
  return <div className="snippet-viewer">
    <header><span>{snippet.template.config.title}</span>{options.map((o) => <button key={o.language} onClick={() => setLanguage(o.language)}>{o.language}</button>)}</header>
    {selected.loaded ? <pre className="snippet-viewer-content__inner" dangerouslySetInnerHTML={{ __html: selected.html }} /> : <pre>{selected.content.split('\\n').map((l, i) => <span key={i} style={{ width: l.length * 7.83 }} />)}</pre>}
    <footer><button onClick={copy}>Copy</button>{snippet.template.config.docs && <a href={snippet.template.config.docs}>Docs</a>}</footer>
  </div>;
}`,
};
for (const [file, text] of Object.entries(SEED_FILES)) writeFileSync(join(seedSrc, file), text);
const seedDir = join(OUT, 'www/seed');
await build({
  entryPoints: { bundle: join(seedSrc, 'main.ts') },
  bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none',
  jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' }, loader: { '.wasm': 'binary' },
  outdir: seedDir, entryNames: '[name]', chunkNames: 'assets/[name]-[hash]', nodePaths: [join(ROOT, 'node_modules')], logLevel: 'error',
});

// ---------------------------------------------------------------- servers

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.wasm': 'application/wasm' };
async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const www = join(OUT, 'www');
const assets = await listen((req, res) => {
  const file = normalize(join(www, decodeURIComponent((req.url ?? '/').split('?')[0])));
  const ok = file.startsWith(www) && statSync(file, { throwIfNoEntry: false })?.isFile();
  res.writeHead(ok ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
  res.end(ok ? readFileSync(file) : 'not found');
});

// Seed 004's index.html puts data-model="super" on its snippets; every page here does the same.
function body(count: number, value = 'super'): string {
  const attr = value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return Array.from({ length: count }, (_, i) => `<h2>Snippet ${i + 1}</h2>\n<snippet data-name="${ids[i % ids.length]}" data-model="${attr}"></snippet>`).join('\n');
}
const pages = new Map<string, string>();
const head = {
  ours: `<script async type="module" src="${assets.url}/ours/snippets.js"></script><link rel="stylesheet" href="${assets.url}/ours/snippets.css">`,
  seed: `<script async type="module" src="${assets.url}/seed/bundle.js"></script>`,
};
const hosts = await listen((req, res) => {
  const page = pages.get(req.url ?? '');
  res.writeHead(page ? 200 : 404, { 'content-type': TYPES['.html'] });
  res.end(page ?? 'not found');
});

// ---------------------------------------------------------------- measuring

interface Case {
  name: string;
  approach: 'ours' | 'seed';
  count: number;
  value?: string;
}
const CASES: Case[] = [
  { name: 'seed, 0 snippets', approach: 'seed', count: 0 },
  { name: 'ours, 0 snippets', approach: 'ours', count: 0 },
  { name: 'seed, 3 snippets', approach: 'seed', count: 3 },
  { name: 'ours, 3 snippets', approach: 'ours', count: 3 },
  { name: 'seed, 50 snippets', approach: 'seed', count: 50 },
  { name: 'ours, 50 snippets', approach: 'ours', count: 50 },
  // A value with a quote cannot be patched into a string token: the browser highlighter loads.
  { name: 'ours, 3, quoted value*', approach: 'ours', count: 3, value: 'say "hi"' },
  { name: 'ours, 50, quoted value*', approach: 'ours', count: 50, value: 'say "hi"' },
];

// Set before any page script runs: records when every snippet on the page is highlighted.
function watchHighlighted({ approach, count }: { approach: 'ours' | 'seed'; count: number }): void {
  const done = () => {
    const all = [...document.querySelectorAll('snippet')];
    if (all.length !== count) return false;
    return approach === 'ours'
      ? all.every((s) => s.querySelector('snp-widget')?.getAttribute('state') === 'ready')
      : all.every((s) => s.querySelector('pre.shiki'));
  };
  const w = window as unknown as { __highlighted?: number };
  new MutationObserver(() => {
    if (w.__highlighted === undefined && count > 0 && done()) w.__highlighted = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['state', 'class'] });
}

interface Sample {
  requests: number;
  raw: number;
  gzip: number;
  ms?: number;
}

async function measure(browser: Browser, c: Case): Promise<Sample> {
  const path = `/${c.approach}-${c.count}-${c.value ? 'q' : 'p'}.html`;
  pages.set(path, `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>${head[c.approach]}</head><body>${body(c.count, c.value)}</body></html>`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const sample: Sample = { requests: 0, raw: 0, gzip: 0 };
  const bodies: Array<Promise<void>> = [];
  page.on('response', (response) => {
    if (!response.url().startsWith(assets.url)) return;
    bodies.push(response.body().then((b) => {
      sample.requests++;
      sample.raw += b.length;
      sample.gzip += gzipSync(b).length;
    }, () => undefined));
  });
  await page.addInitScript(watchHighlighted, { approach: c.approach, count: c.count });
  await page.goto(hosts.url + path, { waitUntil: 'load' });
  if (c.count > 0) {
    await page.waitForFunction(() => (window as unknown as { __highlighted?: number }).__highlighted !== undefined, undefined, { timeout: 60_000 });
    sample.ms = await page.evaluate(() => (window as unknown as { __highlighted: number }).__highlighted);
  }
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  await context.close();
  return sample;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const results = new Map<string, Sample[]>();
for (const c of CASES) results.set(c.name, []);
// Warm-up (disk cache of the servers, Chromium's first start), then interleaved rounds.
for (const c of CASES.slice(0, 4)) await measure(browser, c);
for (let round = 0; round < RUNS; round++) {
  for (const c of CASES) results.get(c.name)!.push(await measure(browser, c));
}
await browser.close();
assets.server.close();
hosts.server.close();

// ---------------------------------------------------------------- report

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const row = (name: string) => {
  const s = results.get(name)!;
  const ms = s.map((x) => x.ms).filter((x): x is number => x !== undefined);
  return { name, requests: s[0].requests, raw: s[0].raw, gzip: s[0].gzip, ms: ms.length ? median(ms) : undefined, min: ms.length ? Math.min(...ms) : undefined, max: ms.length ? Math.max(...ms) : undefined };
};
const rows = CASES.map((c) => row(c.name));
console.log(`embed: ${ids.length} snippets available (snippets/ + seed fixtures), ${RUNS} cold loads per case, Chromium, ${availableParallelism()} cores`);
console.log(`${'page'.padEnd(26)} ${'requests'.padStart(8)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}   load → all highlighted (median, min–max)`);
for (const r of rows) {
  const time = r.ms === undefined ? '—' : `${r.ms.toFixed(0)} ms (${r.min!.toFixed(0)}–${r.max!.toFixed(0)})`;
  console.log(`${r.name.padEnd(26)} ${String(r.requests).padStart(8)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}   ${time}`);
}
console.log('* every language of every snippet re-highlighted in the browser (Shiki core + JS regex engine), the slow path.');

const entry = readFileSync(join(oursDir, 'snippets.js'));
const get = (name: string) => rows.find((r) => r.name === name)!;
const ratio3 = get('ours, 3 snippets').ms! / get('seed, 3 snippets').ms!;
const ratio50 = get('ours, 50 snippets').ms! / get('seed, 50 snippets').ms!;
const checks: Array<[string, boolean]> = [
  [`initial script ${kb(gzipSync(entry).length)} gzip (budget ≤ 5 KB)`, gzipSync(entry).length <= 5 * 1024],
  [`3-snippet page ${kb(get('ours, 3 snippets').gzip)} gzip in all (budget ≤ 60 KB; seed ${kb(get('seed, 3 snippets').gzip)})`, get('ours, 3 snippets').gzip <= 60 * 1024],
  [`load → highlighted at 3 snippets: ${ratio3.toFixed(2)}× the seed's (budget ≤ 0.5×)`, ratio3 <= 0.5],
  [`load → highlighted at 50 snippets: ${ratio50.toFixed(2)}× the seed's (budget ≤ 0.5×)`, ratio50 <= 0.5],
];
console.log('');
for (const [text, ok] of checks) console.log(`${ok ? 'ok  ' : 'OVER'} ${text}`);
console.log(checks.every(([, ok]) => ok) ? '\nwithin budget' : '\nOVER BUDGET');
