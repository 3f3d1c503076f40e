// The operation list of an API overview (or a group page) as one HTML string: GitHub's 845 operations must
// fit a page well under 300 KB, so each row is one lean <li> with no per-element attributes.
import type { Operation } from '../openapi/index.ts';
import { escapeHtml } from './format.ts';
import { markdownToPlainText } from './markdown.ts';
import { operationLabel } from './sidebar.ts';

export function operationListHtml(operations: Operation[], href: (slug: string) => string, withPaths = true): string {
  let html = '<ul class="ops">';
  for (const op of operations) {
    const path = withPaths && op.summary ? `<code>${escapeHtml(op.path)}</code>` : '';
    const deprecated = op.deprecated ? '<i>deprecated</i>' : '';
    html += `<li><b class="m-${op.method}">${op.method.toUpperCase()}</b><a href="${escapeHtml(href(op.slug))}">${escapeHtml(operationLabel(op))}</a>${deprecated}${path}</li>`;
  }
  return html + '</ul>';
}

export interface TagListItem {
  name: string;
  href: string;
  count: number;
  description?: string;
}

/** A big API's groups as one lean list: name, operation count, the description's first paragraph as one capped line. */
export function tagListHtml(tags: TagListItem[]): string {
  let html = '<ul class="tags">';
  for (const tag of tags) {
    const about = markdownToPlainText(tag.description);
    html += `<li><a href="${escapeHtml(tag.href)}">${escapeHtml(tag.name)}</a><span>${tag.count} ${tag.count === 1 ? 'operation' : 'operations'}</span>${about ? `<p>${escapeHtml(about)}</p>` : ''}</li>`;
  }
  return html + '</ul>';
}

