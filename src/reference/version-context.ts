// Page data for an API with several versions: the changelog between consecutive versions,
// the version switcher's links (the same operation in the other version when it has one)
// and the "New in v2" / "Changed in v2" badge of an operation.
import type { ApiModel, VersionDiff } from '../openapi/index.ts';
import { diffApis, matchOperations } from '../openapi/index.ts';
import type { ReferenceUrls } from './urls.ts';

export interface VersionContext {
  /** The API (folder name), whose id is the newest version's. */
  api: string;
  version: string;
  /** Oldest first. */
  all: Array<{ version: string; id: string }>;
  /** Between consecutive versions, newest first. */
  diffs: VersionDiff[];
}

/** API id → its version context, for every model that is one version of several. */
export function createVersionContexts(models: ApiModel[]): Map<string, VersionContext> {
  const byId = new Map(models.map((m) => [m.id, m]));
  const contexts = new Map<string, VersionContext>();
  const families = new Map<string, ApiModel[]>();
  for (const m of models) if (m.versions) families.set(m.versions.api, [...(families.get(m.versions.api) ?? []), m]);
  for (const [api, members] of families) {
    const all = members[0].versions!.all;
    const diffs: VersionDiff[] = [];
    for (let i = all.length - 1; i > 0; i--) {
      const older = byId.get(all[i - 1].id);
      const newer = byId.get(all[i].id);
      if (older && newer) diffs.push(diffApis(older, newer, { from: all[i - 1].version, to: all[i].version }));
    }
    for (const m of members) contexts.set(m.id, { api, version: m.versions!.version, all, diffs });
  }
  return contexts;
}

export interface VersionLink {
  version: string;
  href: string;
  current: boolean;
  latest: boolean;
  /** False when that version lacks this page's operation: the link goes to its overview. */
  hasOperation: boolean;
}

/** The switcher: every version, newest first; from an operation page, to the same operation where it exists. */
export function versionLinks(ctx: VersionContext, models: ReadonlyMap<string, ApiModel>, urls: ReferenceUrls, currentId: string, slug?: string): VersionLink[] {
  const here = models.get(currentId);
  const op = slug === undefined ? undefined : here?.operations.find((o) => o.slug === slug);
  return [...ctx.all].reverse().map(({ version, id }, i) => {
    const other = models.get(id);
    const match = op && other ? (id === currentId ? op : matchOperations([op], other.operations)[0]?.[1]) : undefined;
    return {
      version,
      href: match ? urls.operation(id, match.slug) : urls.overview(id),
      current: id === currentId,
      latest: i === 0,
      hasOperation: op === undefined || match !== undefined,
    };
  });
}

export interface VersionBadge {
  kind: 'new' | 'changed';
  text: string;
  breaking: boolean;
  /** Where the changelog lists it. */
  anchor: string;
}

/** "New in v2" or "Changed in v2" for an operation of version v2, from the diff that led to it. */
export function operationBadge(ctx: VersionContext, slug: string): VersionBadge | undefined {
  const diff = ctx.diffs.find((d) => d.to === ctx.version);
  const entry = diff?.operations.find((o) => o.slug === slug && o.kind !== 'removed');
  if (!diff || !entry) return undefined;
  const kind = entry.kind === 'added' ? 'new' : 'changed';
  return { kind, text: `${kind === 'new' ? 'New' : 'Changed'} in ${ctx.version}`, breaking: entry.breaking, anchor: changeAnchor(diff, entry.slug, entry.kind) };
}

/** The APIs that get a changelog page: one per family, under its newest version's id (the folder name). */
export function changelogContexts(versions: ReadonlyMap<string, VersionContext>, has: (id: string) => boolean): VersionContext[] {
  return [...versions.values()].filter((ctx) => has(ctx.api) && ctx.version === ctx.all.at(-1)?.version);
}

/** The changelog page's title and description, for the HTML page and its Markdown twin. */
export function changelogMeta(ctx: VersionContext, apiTitle: string): { title: string; description: string } {
  return { title: `${apiTitle} changelog`, description: `What changed between versions ${ctx.all.map((v) => v.version).join(', ')} of the ${apiTitle}.` };
}

/** Where the docs list the breaking-change rules (docs/guides/versions.mdx). */
export function changelogRulesHref(base: string): string {
  return `${base.replace(/\/+$/, '')}/guides/versions/#breaking-changes`;
}

export const CHANGE_KIND_TEXT = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** One diff in a sentence: `1 removed, 2 changed, 3 added operations; 4 breaking changes.` */
export function changelogSummary(diff: VersionDiff): string {
  if (diff.operations.length === 0) return 'No changes.';
  const count = (kind: string) => diff.operations.filter((o) => o.kind === kind).length;
  return `${count('removed')} removed, ${count('changed')} changed, ${count('added')} added operations; ${diff.breakingCount} breaking ${diff.breakingCount === 1 ? 'change' : 'changes'}.`;
}

/** The changelog's id for one operation's entry: `v2-fetch-voice-number`. */
export function changeAnchor(diff: VersionDiff, slug: string, kind: string): string {
  return `${diff.to}-${kind === 'removed' ? 'removed-' : ''}${slug}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}
