// Markdown twins against their HTML pages, from the built site (`npm run build` first): bytes
// (raw and gzip) an assistant reads per page in each form, by page kind, with the ratio
// twin / HTML. Also the size of llms.txt, llms-full.txt and the MCP data file, and the MCP
// search's time per query on that data (excerpts read from the twin files, as the server does).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AiDataFile, TwinEntry } from '../../src/ai/index.ts';
import { loadSearch } from '../../src/ai/search-index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const client = `${root}dist/client`;
if (!existsSync(`${client}/ai/mcp-data.json`)) {
  console.error('No built site with twins: run `npm run build` first.');
  process.exit(1);
}
const data = JSON.parse(readFileSync(`${client}/ai/mcp-data.json`, 'utf8')) as AiDataFile;

interface Row { twin: TwinEntry; html: number; md: number; htmlGz: number; mdGz: number }
const rows: Row[] = [];
for (const twin of data.twins) {
  const htmlFile = `${client}${twin.page}index.html`;
  if (!existsSync(htmlFile)) continue;
  const html = readFileSync(htmlFile);
  const md = readFileSync(`${client}${twin.url}`);
  rows.push({ twin, html: html.length, md: md.length, htmlGz: gzipSync(html).length, mdGz: gzipSync(md).length });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

console.log('Twin vs HTML, per page (median of each kind; ratio = twin / HTML):');
console.log('kind        pages   HTML       twin      ratio   | gzip: HTML   twin     ratio');
for (const kind of ['guide', 'overview', 'operation', 'schema'] as const) {
  const of = rows.filter((r) => r.twin.kind === kind);
  if (!of.length) continue;
  const ratio = median(of.map((r) => r.md / r.html));
  const ratioGz = median(of.map((r) => r.mdGz / r.htmlGz));
  console.log(`${kind.padEnd(11)} ${String(of.length).padStart(5)}   ${kb(median(of.map((r) => r.html))).padStart(8)}  ${kb(median(of.map((r) => r.md))).padStart(8)}   ${ratio.toFixed(2).padStart(5)}   |   ${kb(median(of.map((r) => r.htmlGz))).padStart(8)} ${kb(median(of.map((r) => r.mdGz))).padStart(8)}  ${ratioGz.toFixed(2).padStart(5)}`);
}
console.log(`all pages: HTML ${kb(sum(rows.map((r) => r.html)))}, twins ${kb(sum(rows.map((r) => r.md)))} (${(sum(rows.map((r) => r.md)) / sum(rows.map((r) => r.html))).toFixed(2)}×)`);
for (const path of ['/reference/melious/create-chat-completion/', '/guides/streaming/', '/start/quickstart/']) {
  const r = rows.find((x) => x.twin.page === path);
  if (r) console.log(`  ${path}: HTML ${kb(r.html)} → twin ${kb(r.md)} (${(r.md / r.html).toFixed(2)}×; gzip ${kb(r.htmlGz)} → ${kb(r.mdGz)})`);
}
const largest = rows.reduce((a, b) => (b.md > a.md ? b : a));
console.log(`largest twin: ${largest.twin.url} ${kb(largest.md)}`);

for (const file of ['llms.txt', 'llms-full.txt', 'ai/mcp-data.json']) console.log(`${file}: ${kb(statSync(`${client}/${file}`).size)}`);

const t0 = performance.now();
const search = loadSearch(data.search, data.twins, async (twin) => readFileSync(`${client}${twin.url}`, 'utf8'));
const loadMs = performance.now() - t0;
const queries = ['stream chat completion', 'error codes retry', 'upload a file', 'image generation', 'authentication api key', 'embeddings', 'rate limit', 'transcription'];
const t1 = performance.now();
const ROUNDS = 20;
for (let i = 0; i < ROUNDS; i++) for (const q of queries) await search.search(q);
console.log(`MCP search: index loaded in ${loadMs.toFixed(1)} ms; ${(((performance.now() - t1) / (ROUNDS * queries.length)) * 1000).toFixed(0)} µs per query over ${data.twins.length} pages`);
