// Drop-in compatibility with seed 004: its template folders (rewritten as fixtures) built by
// the same embed build as the site, served from a CDN-like origin, and a host page on a third
// origin written the way seed pages are (its index.html and how-to-update-snippets.md).
// Each language must print what the seed bundle printed: Handlebars, noEscape, with the
// element's dataset over the config payload.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { expect, test } from '@playwright/test';
import { buildEmbed, writeEmbed } from '../../src/embed/build.node.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';
import { hostPage, settled, startHost, type Host } from './embed-host.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = 'tests/fixtures/seed-snippets';
const OUT = join(ROOT, 'tests/.output/embed-seed');

// The seed's own markup, plus the overrides its docs describe.
const ELEMENTS: Array<[string, Record<string, string>]> = [
  ['open-ai.chat-completion', { model: 'super' }],
  ['open-ai.chat-completion', { baseUrl: 'https://api.aimlapi.com/v2' }],
  ['kling.create-text-to-video-generation', { model: 'super' }],
  ['kling.fetch-generation', { generationId: 'gen-123', apiKey: 'sk-live' }],
  ['open-ai.embedding', {}],
];
const attr = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const BODY = ELEMENTS.map(([name, o]) => `<snippet data-name="${name}"${Object.entries(o).map(([k, v]) => ` ${attr(k)}="${v}"`).join('')}> </snippet>`).join('\n');

/** What seed 004's compile-snippets.ts printed: hbs.compile(content, { noEscape: true })({ ...payload, ...dataset }). */
function seedOutput(id: string, alias: string, dataset: Record<string, string>): string {
  const [group, name] = id.split('.');
  const dir = join(ROOT, FIXTURES, group, name);
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { payload?: Record<string, unknown> };
  return Handlebars.compile(readFileSync(join(dir, `${alias}.hbs`), 'utf8'), { noEscape: true })({ ...config.payload, ...dataset });
}

let cdn: Host;
let site: Host;

test.beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  writeEmbed(OUT, await buildEmbed(FIXTURES, ROOT));
  cdn = await startHost({}, OUT);
  site = await startHost({ '/seed.html': hostPage(BODY, { embed: `${cdn.url}/files` }) });
});
test.afterAll(async () => {
  await cdn?.close();
  await site?.close();
});

test("seed 004's template folders render through the bundle with the seed pages' data attributes", async ({ page }) => {
  const registry = loadSnippets(FIXTURES, ROOT);
  await page.goto(`${site.url}/seed.html`);
  await settled(page, ELEMENTS.length);
  for (const [n, [id, overrides]] of ELEMENTS.entries()) {
    const w = page.locator('snippet').nth(n);
    await expect(w.locator('snp-widget'), id).toHaveAttribute('state', 'ready');
    await expect(w.locator('.title')).toHaveText(registry.snippets[id].config.title);
    for (const t of registry.snippets[id].templates) {
      await w.getByRole('tab', { name: t.language.label }).click();
      await expect(w.locator('pre code'), `${id} ${t.alias}`).toHaveText(seedOutput(id, t.alias, overrides));
      expect(await w.locator('pre code span').count()).toBeGreaterThan(5);
    }
    await expect(w.getByRole('link', { name: /Docs/ })).toHaveAttribute('href', registry.snippets[id].config.docs!);
  }
});
