// The Markdown twin of an API's changelog page, from the same diffs the HTML renders
// (reference/version-context.ts): per pair of versions, newest first, each removed, changed and
// added operation linking its twin, with every change marked breaking or compatible.
import type { VersionDiff } from '../openapi/index.ts';
import { CHANGE_KIND_TEXT, changelogSummary } from '../reference/index.ts';
import { code, oneLine } from './markdown-text.ts';

export interface ChangelogTwinInput {
  title: string;
  description: string;
  diffs: VersionDiff[];
  /** Twin URL of an operation in one version (`v1`): a removed operation links the older one. */
  operationTwin(version: string, slug: string): string;
  /** Where the breaking-change rules are (a twin URL, with its anchor). */
  rules?: string;
  /** URL of the HTML page, for the header line. */
  page: string;
}

export function changelogTwin({ title, description, diffs, operationTwin, rules, page }: ChangelogTwinInput): string {
  const out = [`# ${title}`, '', `> ${description}`, ''];
  out.push(
    'Computed from the specs when the site was built. Each change is marked **breaking** when a client written for the older version can fail against the newer one'
      + (rules ? `; the rules: ${rules}.` : '.'),
    '',
    `HTML: ${page}`,
    '',
  );
  for (const diff of diffs) {
    out.push(`## ${diff.from} → ${diff.to}`, '', changelogSummary(diff), '');
    for (const op of diff.operations) {
      const url = operationTwin(op.kind === 'removed' ? diff.from : diff.to, op.slug);
      const summary = op.summary?.trim() ? `: ${oneLine(op.summary)}` : '';
      out.push(`- **${CHANGE_KIND_TEXT[op.kind]}** [${code(`${op.method.toUpperCase()} ${op.path}`)}](${url})${summary}${op.breaking ? ' (**breaking**)' : ''}`);
      if (op.kind !== 'changed') continue;
      for (const c of op.changes) {
        out.push(`  - ${c.breaking ? '**Breaking**' : 'Compatible'}: ${CHANGE_KIND_TEXT[c.kind].toLowerCase()} ${oneLine(c.where)}${c.detail ? ` (${oneLine(c.detail)})` : ''}`);
      }
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
