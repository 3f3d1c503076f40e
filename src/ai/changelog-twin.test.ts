// The changelog's Markdown twin on the seed site's real two versions (openapi/twilio-pricing/
// v1.json and v2.json), from the same diffs the HTML page renders: every operation entry and
// every change of every diff is a line with its breaking mark, linking the operation's twin in
// the version that has it; buildAiData puts it where the page is and links it from the overviews.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApis } from '../openapi/index.node.ts';
import type { ApiModel } from '../openapi/index.ts';
import { changelogContexts, createVersionContexts, type VersionContext } from '../reference/index.ts';
import { getSnippets } from '../reference/index.node.ts';
import { buildAiData } from './build-data.ts';
import { changelogTwin } from './changelog-twin.ts';

let models: ApiModel[];
let versions: Map<string, VersionContext>;
let ctx: VersionContext;

beforeAll(async () => {
  models = (await loadApis('openapi')).filter((m) => m.versions?.api === 'twilio-pricing');
  versions = createVersionContexts(models);
  [ctx] = changelogContexts(versions, (id) => models.some((m) => m.id === id));
});

describe('changelog twin', () => {
  it('lists every operation entry and every change of each diff, with its breaking mark and twin link', () => {
    expect(ctx.diffs.length).toBeGreaterThan(0);
    const ids = new Map(ctx.all.map((v) => [v.version, v.id]));
    const markdown = changelogTwin({
      title: 'Pricing changelog', description: 'What changed.', diffs: ctx.diffs, page: '/reference/twilio-pricing/changelog/', rules: '/guides/versions.md#breaking-changes',
      operationTwin: (version, slug) => `/reference/${ids.get(version)}/${slug}.md`,
    });
    expect(markdown.split('\n').slice(0, 3)).toEqual(['# Pricing changelog', '', '> What changed.']);
    expect(markdown).toContain('the rules: /guides/versions.md#breaking-changes.');
    const lines = markdown.split('\n');
    let entries = 0;
    for (const diff of ctx.diffs) {
      expect(lines).toContain(`## ${diff.from} → ${diff.to}`);
      for (const op of diff.operations) {
        const id = ids.get(op.kind === 'removed' ? diff.from : diff.to);
        const head = lines.findIndex((l) => l.startsWith(`- **${op.kind[0].toUpperCase()}${op.kind.slice(1)}** [\`${op.method.toUpperCase()} ${op.path}\`](/reference/${id}/${op.slug}.md)`));
        expect(head, `${op.kind} ${op.path}`).toBeGreaterThan(-1);
        expect(lines[head].endsWith(' (**breaking**)'), `${op.path} breaking mark`).toBe(op.breaking);
        const changes = op.kind === 'changed' ? op.changes : [];
        changes.forEach((c, i) => {
          expect(lines[head + 1 + i]).toBe(`  - ${c.breaking ? '**Breaking**' : 'Compatible'}: ${c.kind} ${c.where}${c.detail ? ` (${c.detail})` : ''}`);
        });
        entries += 1 + changes.length;
      }
    }
    expect(lines.filter((l) => /^ {0,2}- /.test(l))).toHaveLength(entries);
    // Twilio's v2 renamed the path parameter of the voice number lookup: breaking both ways.
    expect(markdown).toContain('  - **Breaking**: removed path parameter Number');
    expect(markdown).toContain('  - Compatible: added query parameter OriginationNumber');
    expect(markdown).toMatch(/^- \*\*Removed\*\* \[`GET \/v1\/Messaging\/Countries`\]\(\/reference\/twilio-pricing-v1\/list-messaging-country\.md\) \(\*\*breaking\*\*\)$/m);
  });

  it('buildAiData puts it at the changelog page + .md, in search, and links it from every version’s overview', () => {
    const data = buildAiData({ site: { title: 'Docs' }, siteUrl: 'http://x', guides: [], groups: [], apis: models, versions, snippets: getSnippets() });
    const changelogs = data.twins.filter((t) => t.kind === 'changelog');
    expect(changelogs.map((t) => [t.url, t.page, t.api])).toEqual([['/reference/twilio-pricing/changelog.md', '/reference/twilio-pricing/changelog/', 'twilio-pricing']]);
    expect(changelogs[0].markdown).toContain('## v1 → v2');
    expect(changelogs[0].markdown).toContain('(**breaking**)');
    for (const overview of data.twins.filter((t) => t.kind === 'overview')) {
      expect(overview.markdown, overview.url).toContain('/reference/twilio-pricing/changelog.md');
    }
    const ids = Object.values((data.search as { documentIds: Record<string, number> }).documentIds);
    expect(ids).toContain(data.twins.indexOf(changelogs[0]));
  });
});
