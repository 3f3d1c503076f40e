// The content of one schema row (its type with a link to a named schema, badges, facts such
// as allowed values and ranges, the description) and the link to a schema's own page. No
// state: the renderer (schema-html.ts) decides what unfolds; these only say what a row shows.
import { constraintsOf, displayName, escapeHtml, formatValue, typeLabel } from './format.ts';
import { markdownToHtml } from './markdown.ts';
import { childCount, hasChildren, unfoldTarget, type Schemas, type SchemaView } from './schema-view.ts';

const MAX_ENUM = 40;

export interface RowParts {
  typeHtml(view: SchemaView): string;
  badges(view: SchemaView, required: boolean): string;
  facts(view: SchemaView): string;
  description(view: SchemaView): string;
  linkOut(name: string, target: SchemaView): string;
}

export function createRowParts(schemas: Schemas, schemaHref: (name: string) => string): RowParts {
  return { typeHtml, badges, facts, description, linkOut };

  function typeHtml(view: SchemaView): string {
    const label = typeLabel(view.raw.$ref !== undefined ? view.raw : view.schema);
    const target = unfoldTarget(schemas, view).refName;
    const name = target === undefined ? '' : displayName(target);
    const at = name === '' ? -1 : label.lastIndexOf(name);
    if (target === undefined || at < 0) return escapeHtml(label);
    // `array of Message`: only the name is the link.
    const link = `<a href="${escapeHtml(schemaHref(target))}">${escapeHtml(name)}</a>`;
    return escapeHtml(label.slice(0, at)) + link + escapeHtml(label.slice(at + name.length));
  }

  function badges(view: SchemaView, required: boolean): string {
    const s = view.schema;
    // Each badge after a space, as the name and type are: the row's flex layout ignores it, but
    // search reads the text and would index `messagesarray of ChatMessagerequired` as words.
    let html = '';
    if (required) html += ' <span class="sv-b sv-req">required</span>';
    if (view.nullable) html += ' <span class="sv-b">nullable</span>';
    if (s.readOnly) html += ' <span class="sv-b">read-only</span>';
    if (s.writeOnly) html += ' <span class="sv-b">write-only</span>';
    if (s.deprecated) html += ' <span class="sv-b sv-dep">deprecated</span>';
    return html;
  }

  function facts(view: SchemaView): string {
    const s = view.schema;
    const list: string[] = [];
    if (s.const !== undefined) list.push(fact('Value', [s.const]));
    if (Array.isArray(s.enum)) {
      const shown = s.enum.slice(0, MAX_ENUM);
      const more = s.enum.length - shown.length;
      list.push(fact('Allowed', shown) + (more > 0 ? ` <span>and ${more} more</span>` : ''));
    }
    if (s.default !== undefined) list.push(fact('Default', [s.default]));
    for (const { label, value } of constraintsOf(s)) list.push(`<span>${label} <code>${escapeHtml(value)}</code></span>`);
    const example = s.example ?? (Array.isArray(s.examples) ? s.examples[0] : undefined);
    if (example !== undefined && !hasChildren(schemas, view)) list.push(fact('Example', [example]));
    const discriminator = s.discriminator?.propertyName;
    if (typeof discriminator === 'string') list.push(`<span>Discriminator <code>${escapeHtml(discriminator)}</code></span>`);
    return list.length === 0 ? '' : `<p class="sv-facts">${list.join(' ')}</p>`;
  }

  function fact(label: string, values: unknown[]): string {
    return `<span>${label} ${values.map((v) => `<code>${escapeHtml(formatValue(v))}</code>`).join(' ')}</span>`;
  }

  function description(view: SchemaView): string {
    const html = markdownToHtml(typeof view.schema.description === 'string' ? view.schema.description : undefined);
    return html === '' ? '' : `<div class="sv-desc">${html}</div>`;
  }

  function linkOut(name: string, target: SchemaView): string {
    return `<p class="sv-more"><a href="${escapeHtml(schemaHref(name))}">${escapeHtml(displayName(name))}: ${childCount(target)} →</a></p>`;
  }
}
