// The operation list of an API overview as one HTML string: GitHub's 845 operations must
// fit a page well under 300 KB, so each row is one lean <li> with no per-element attributes.
import type { Operation } from '../openapi/index.ts';
import { escapeHtml } from './format.ts';
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
