// Renders a schema as nested lists with <details>, as an HTML string: a page can hold
// thousands of rows, and string building is ~100× cheaper than a component per row.
// Stays finite on any spec: cycles link back to the open ancestor; a named schema is
// unfolded at most `maxExpansions` times per page and `maxRefDepth` deep; past the page's
// row budget, named schemas become links to their own page.
import { schemaRef, type JsonSchema } from '../openapi/index.ts';
import { displayName, escapeHtml } from './format.ts';
import { createRowParts } from './schema-row-parts.ts';
import { OVERVIEW_OPERATIONS_LIMIT } from './tag-pages.ts';
import {
  additionalSchema, alternativesOf, childCount, hasChildren, isArraySchema, unfoldTarget, viewOf,
  type Schemas, type SchemaView,
} from './schema-view.ts';

export type SchemaMode = 'request' | 'response' | 'schema';

export interface SchemaRendererOptions {
  schemas: Schemas;
  /** URL of a named schema's own page. */
  schemaHref: (name: string) => string;
  /** Makes element ids unique when several renderers share a page. */
  idPrefix?: string;
  /** Past this many bytes of rows on the page, named schemas are linked instead of unfolded. */
  maxBytes?: number;
  /** Past this many, even inline (unnamed) objects stop unfolding: no page outgrows its budget. */
  hardMaxBytes?: number;
  maxRefDepth?: number;
  maxExpansions?: number;
}

export interface SchemaRenderer {
  /**
   * `anchor` names the schema on the page (`body`, `response-200`): every field gets the stable
   * id `<anchor>.<path>` (`body.messages.role`), so a link can point at one field.
   */
  render(schema: JsonSchema, mode: SchemaMode, anchor?: string): string;
  /** Rows rendered so far on this page. */
  readonly rows: number;
  /** Bytes of rows rendered so far (children excluded from each row's own count). */
  readonly bytes: number;
}

interface Frame {
  name: string;
  id: string;
}

/**
 * The schema caps of an operation page of an API with `operations` operations. Past
 * OVERVIEW_OPERATIONS_LIMIT (where the overview lists groups too), each byte of a page is written thousands of times over (Microsoft Graph:
 * 11,422 pages whose entities nest deep, 26 KB of schema rows each): a named schema unfolds
 * once per page and two levels deep, within 30 KB of rows; past that it is a link to its own
 * page, which shows it whole. Inline (unnamed) objects keep unfolding up to `hardMaxBytes`.
 */
export function pageSchemaCaps(operations: number): Pick<SchemaRendererOptions, 'maxRefDepth' | 'maxExpansions' | 'maxBytes'> {
  return operations > OVERVIEW_OPERATIONS_LIMIT ? { maxRefDepth: 2, maxExpansions: 1, maxBytes: 30_000 } : {};
}

/**
 * Search weight of a field or parameter name on an operation page. Pagefind favours short pages,
 * so a schema page outranked the operation a reader looks for ("temperature" found six schemas
 * before Create chat completion): the operation's own names weigh more there. A schema page
 * keeps the default weight (1).
 */
export const OPERATION_FIELD_SEARCH_WEIGHT = 3;

/** Objects with more fields show this many, then "Show N more" (a <details>, found by the browser's find). */
const FOLD_AFTER = 12;
/** The <li>, <ul> and <details> around a row, which `own` does not include. */
const ROW_OVERHEAD = 110;
const FLAT_SIZES = new WeakMap<Schemas, Map<string, number>>();

export function createSchemaRenderer(options: SchemaRendererOptions): SchemaRenderer {
  const { schemas, schemaHref, idPrefix = 'sv', maxBytes = 70_000, hardMaxBytes = 160_000, maxRefDepth = 3, maxExpansions = 2 } = options;
  const expansions = new Map<string, number>();
  let rows = 0;
  let bytes = 0;
  let ids = 0;
  let mode: SchemaMode = 'schema';
  const used = new Set<string>();

  const nextId = () => `${idPrefix}-${++ids}`;
  const { typeHtml, badges, facts, description, linkOut } = createRowParts(schemas, schemaHref);

  /** The field's stable id: its path, made unique on the page if two schemas share an anchor. */
  function anchorId(path: string): string {
    const base = path.replace(/[^A-Za-z0-9_.~*-]+/g, '-');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    return id;
  }

  function mayUnfold(name: string, refDepth: number): boolean {
    if (refDepth >= maxRefDepth || (expansions.get(name) ?? 0) >= maxExpansions) return false;
    // Unfold only if the schema's own rows still fit; its nested schemas check again.
    return bytes + flatSize(name) <= maxBytes;
  }

  /** Size of a named schema's rows with nothing nested unfolded; measured once per spec. */
  function flatSize(name: string): number {
    let sizes = FLAT_SIZES.get(schemas);
    if (!sizes) FLAT_SIZES.set(schemas, (sizes = new Map()));
    let size = sizes.get(name);
    if (size === undefined) {
      const flat = createSchemaRenderer({ ...options, maxRefDepth: 0 });
      flat.render({ $ref: schemaRef(name) }, 'schema');
      size = flat.bytes;
      sizes.set(name, size);
    }
    return size;
  }

  /** The unfoldable part of a row: children in a <details>, a link back on a cycle, or a link out. */
  function children(view: SchemaView, branch: Frame[], refDepth: number, path: string, rowId: string): string {
    const target = unfoldTarget(schemas, view);
    if (!hasChildren(schemas, target)) return '';
    const name = target.refName;
    if (name !== undefined) {
      const ancestor = branch.find((f) => f.name === name);
      if (ancestor) {
        return `<p class="sv-more">Circular: <a href="#${ancestor.id}">${escapeHtml(displayName(name))}</a>, as above.</p>`;
      }
      if (!mayUnfold(name, refDepth)) return linkOut(name, target);
      expansions.set(name, (expansions.get(name) ?? 0) + 1);
    } else if (bytes > hardMaxBytes) {
      return `<p class="sv-more">${childCount(target, isArraySchema(view.schema))} not shown: this page has reached its size limit.</p>`;
    }
    if (name !== undefined) branch.push({ name, id: rowId });
    const inner = body(target, branch, name === undefined ? refDepth : refDepth + 1, path);
    if (name !== undefined) branch.pop();
    const what = childCount(target, isArraySchema(view.schema));
    // A named schema's fields are searched on its own page: unfolded here, Pagefind would index
    // them again on every page that nests it (Graph: hundreds of copies, 4 GiB to index).
    const search = name === undefined ? '' : ' data-pagefind-ignore';
    return `<details class="sv-kids"${search}><summary>${what}</summary>${inner}</details>`;
  }

  /** The field name as a link to itself: shown as a # on hover, copied from the context menu. */
  function nameHtml(name: string, id: string): string {
    const weight = mode === 'schema' ? '' : ` data-pagefind-weight="${OPERATION_FIELD_SEARCH_WEIGHT}"`;
    return `<a class="sv-name" href="#${escapeHtml(id)}"${weight}>${escapeHtml(name)}</a>`;
  }

  function row(name: string, raw: JsonSchema, required: boolean, branch: Frame[], refDepth: number, parent: string): string {
    rows++;
    const view = viewOf(schemas, raw);
    const path = `${parent}.${name === '[key: string]' ? '*' : name}`;
    const id = anchorId(path);
    const own = `<div class="sv-head">${nameHtml(name, id)} <span class="sv-type">${typeHtml(view)}</span>${badges(view, required)}</div>${description(view)}${facts(view)}`;
    bytes += own.length + ROW_OVERHEAD;
    const kids = children(view, branch, refDepth, path, id);
    return `<li class="sv-row" id="${escapeHtml(id)}">${own}${kids}</li>`;
  }

  function visible(schema: JsonSchema): boolean {
    if (mode === 'request' && schema.readOnly) return false;
    if (mode === 'response' && schema.writeOnly) return false;
    return true;
  }

  /** The inside of an object or of a set of alternatives. */
  function body(view: SchemaView, branch: Frame[], refDepth: number, path: string): string {
    const s = view.schema;
    let html = '';
    const alternatives = alternativesOf(s);
    if (alternatives) html += alternativesHtml(s, alternatives, branch, refDepth, path);
    const required = new Set(s.required ?? []);
    const entries = Object.entries(s.properties ?? {}).filter(([, p]) => visible(viewOf(schemas, p).schema));
    const extra = additionalSchema(s);
    if (entries.length > 0 || extra) {
      const items = entries.map(([name, property]) => row(name, property, required.has(name), branch, refDepth, path));
      if (extra) items.push(row('[key: string]', extra, false, branch, refDepth, path));
      const fold = items.length > FOLD_AFTER + 2 ? FOLD_AFTER : items.length;
      html += `<ul class="sv-props">${items.slice(0, fold).join('')}</ul>`;
      const rest = items.length - fold;
      if (rest > 0) html += `<details class="sv-rest"><summary>Show ${rest} more properties</summary><ul class="sv-props">${items.slice(fold).join('')}</ul></details>`;
    }
    return html;
  }

  function alternativesHtml(s: JsonSchema, alternatives: NonNullable<ReturnType<typeof alternativesOf>>, branch: Frame[], refDepth: number, parent: string): string {
    const mapping = s.discriminator?.mapping ?? {};
    const items = alternatives.list.map((alternative, i) => {
      rows++;
      const view = viewOf(schemas, alternative);
      const key = Object.entries(mapping).find(([, ref]) => ref === alternative.$ref)?.[0];
      const title = typeof view.schema.title === 'string' && view.refName === undefined ? view.schema.title : undefined;
      const label = key ?? title ?? `Option ${i + 1}`;
      const path = `${parent}.${key ?? `option-${i + 1}`}`;
      const id = anchorId(path);
      const own = `<div class="sv-head"><span class="sv-alt">${escapeHtml(label)}</span> <span class="sv-type">${typeHtml(view)}</span>${badges(view, false)}</div>${description(view)}${facts(view)}`;
      bytes += own.length + ROW_OVERHEAD;
      const kids = children(view, branch, refDepth, path, id);
      return `<li class="sv-row" id="${escapeHtml(id)}">${own}${kids}</li>`;
    });
    return `<div class="sv-alts"><p class="sv-alts-label">${alternatives.kind === 'one' ? 'One of' : 'Any of'}</p><ol class="sv-props">${items.join('')}</ol></div>`;
  }

  return {
    get rows() {
      return rows;
    },
    get bytes() {
      return bytes;
    },
    render(schema: JsonSchema, renderMode: SchemaMode, anchor = idPrefix): string {
      mode = renderMode;
      const view = viewOf(schemas, schema);
      const target = unfoldTarget(schemas, view);
      const branch: Frame[] = [];
      const id = target.refName === undefined ? '' : nextId();
      // The same named schema again at the top of another body (every error response's `Error`):
      // shown in full, but searched once per page.
      const repeated = target.refName !== undefined && (expansions.get(target.refName) ?? 0) > 0;
      if (target.refName !== undefined) {
        branch.push({ name: target.refName, id });
        expansions.set(target.refName, (expansions.get(target.refName) ?? 0) + 1);
      }
      const head = `<div class="sv-head sv-top"><span class="sv-type">${typeHtml(view)}</span>${badges(view, false)}</div>${description(view)}${facts(view)}`;
      let inner = body(target, branch, target.refName === undefined ? 0 : 1, anchor);
      // Stripe's GET operations declare an empty form body: say so rather than show a bare "object".
      if (inner === '' && target.schema.properties !== undefined && Object.keys(target.schema.properties).length === 0 && !target.schema.additionalProperties) {
        inner = '<p class="sv-more">No fields.</p>';
      }
      return `<div class="sv not-content"${id === '' ? '' : ` id="${id}"`}${repeated ? ' data-pagefind-ignore' : ''}>${head}${inner}</div>`;
    },
  };
}
