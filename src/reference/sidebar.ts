// The sidebar of a reference page: only its own API, grouped by tag. On a big API only the
// current tag lists its operations and the other tags are one link each, so a page's size
// does not grow with the square of the operation count (GitHub: 184 KB of 247 KB was sidebar).
// Both lists are capped too (Microsoft Graph: 418 tags, 673 operations in one): past a cap the
// sidebar shows a window around the current entry and a link to the full list, so it stays
// under 30 KB of HTML whatever the spec.
import type { ApiModel, HttpMethod, Operation } from '../openapi/index.ts';
import { createTagHref } from './tag-pages.ts';
import { createReferenceUrls } from './urls.ts';

export type BadgeVariant = 'note' | 'tip' | 'caution' | 'danger' | 'success' | 'default';
export type SidebarLink = { label: string; link: string; badge?: { text: string; variant: BadgeVariant }; attrs?: Record<string, string> };
export type SidebarGroup = { label: string; items: SidebarItem[]; collapsed?: boolean };
export type SidebarItem = SidebarLink | SidebarGroup;

/** APIs with more operations than this get the compact sidebar. */
export const FULL_SIDEBAR_LIMIT = 60;
/** At most this many operations of the current tag, and this many tag links, in a compact sidebar. */
export const SIDEBAR_OPERATIONS_CAP = 20;
export const SIDEBAR_TAGS_CAP = 12;
/** Longer labels are cut (with …): Graph has 200-character summaries. */
export const SIDEBAR_LABEL_CAP = 60;

const METHOD_VARIANTS: Record<HttpMethod, BadgeVariant> = {
  get: 'note', post: 'success', put: 'caution', patch: 'tip', delete: 'danger', head: 'default', options: 'default', trace: 'default',
};

export function methodBadge(method: HttpMethod): { text: string; variant: BadgeVariant } {
  return { text: method.toUpperCase(), variant: METHOD_VARIANTS[method] };
}

/** What an operation is called in lists: its summary, else its path. */
export function operationLabel(op: Operation): string {
  return op.summary?.trim() || op.path;
}

/** `text`, cut at a word boundary to at most `max` characters with an ellipsis. */
export function shortLabel(text: string, max = SIDEBAR_LABEL_CAP): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** At most `cap` items of `list` around index `at` (the start when `at` is -1): [from, to). */
export function windowAround(length: number, at: number, cap: number): [number, number] {
  if (length <= cap) return [0, length];
  const from = Math.min(Math.max(0, at - Math.floor(cap / 2)), length - cap);
  return [from, from + cap];
}

export interface SidebarInput {
  api: ApiModel;
  /** Every API, for the "Other APIs" group. */
  apis: ReadonlyArray<{ id: string; title: string }>;
  /** Slug of the operation on this page, if it is one. */
  current?: string;
  /** Name of the tag whose page this is (a big API's group page). */
  currentTag?: string;
}

interface ApiLookup {
  bySlug: Map<string, Operation>;
  /** Operation slug → its first tag. */
  tagOf: Map<string, string>;
  hasSchemas: boolean;
}

// Every page of an API asks for its sidebar: what does not depend on the page is worked out once
// per API (Graph: 14,000 pages × 11,422 operations would otherwise be 160 million map entries).
const lookups = new WeakMap<ApiModel, ApiLookup>();

function lookupOf(api: ApiModel): ApiLookup {
  let found = lookups.get(api);
  if (!found) {
    const tagOf = new Map<string, string>();
    for (const tag of api.tags) for (const slug of tag.operations) if (!tagOf.has(slug)) tagOf.set(slug, tag.name);
    found = { bySlug: new Map(api.operations.map((op) => [op.slug, op])), tagOf, hasSchemas: Object.keys(api.schemas).length > 0 };
    lookups.set(api, found);
  }
  return found;
}

// Links without the site's base: Starlight puts the base in front of sidebar links itself, so a
// base here would be doubled (/docs/docs/…) on a site built under a base path.
const urls = createReferenceUrls('/');

export function createApiSidebar({ api, apis, current, currentTag }: SidebarInput): SidebarItem[] {
  const { bySlug, tagOf, hasSchemas } = lookupOf(api);
  const compact = api.operations.length > FULL_SIDEBAR_LIMIT;
  const hereTag = currentTag ?? (current === undefined ? undefined : tagOf.get(current));
  const hrefOf = createTagHref(api, urls);
  const items: SidebarItem[] = [{ label: 'Overview', link: urls.overview(api.id) }];
  // One changelog per API, at the newest version's id.
  if (api.versions) items.push({ label: 'Changelog', link: urls.changelog(api.versions.api) });
  const groupOf = (tag: ApiModel['tags'][number], collapsed: boolean): SidebarGroup => {
    const at = current === undefined ? -1 : tag.operations.indexOf(current);
    const [from, to] = compact ? windowAround(tag.operations.length, at, SIDEBAR_OPERATIONS_CAP) : [0, tag.operations.length];
    const links: SidebarLink[] = [];
    for (const slug of tag.operations.slice(from, to)) {
      const op = bySlug.get(slug);
      if (op) links.push({ label: shortLabel(operationLabel(op)), link: urls.operation(api.id, slug), badge: methodBadge(op.method) });
    }
    if (to - from < tag.operations.length) {
      links.push({ label: `All ${tag.operations.length} in ${shortLabel(tag.name, 40)}`, link: hrefOf(tag.name, current) });
    }
    return { label: shortLabel(tag.name), items: links, collapsed };
  };
  if (!compact) {
    for (const tag of api.tags) items.push(groupOf(tag, hereTag !== undefined && tag.name !== hereTag));
  } else {
    // The current tag with (a window of) its operations, then the tags as links to their lists.
    const hereIndex = api.tags.findIndex((t) => t.name === hereTag);
    if (hereIndex >= 0) items.push(groupOf(api.tags[hereIndex], false));
    const [from, to] = windowAround(api.tags.length, hereIndex, SIDEBAR_TAGS_CAP);
    const tagLinks: SidebarLink[] = api.tags.slice(from, to).map((tag) => ({
      label: shortLabel(tag.name),
      link: hrefOf(tag.name),
      badge: { text: String(tag.operations.length), variant: 'default' as const },
    }));
    if (to - from < api.tags.length) tagLinks.push({ label: `All ${api.tags.length} groups`, link: `${urls.overview(api.id)}#operations` });
    items.push({ label: hereIndex >= 0 ? 'All groups' : 'Groups', items: tagLinks });
  }
  if (hasSchemas) items.push({ label: 'Schemas', link: urls.schemas(api.id) });
  const others = apis.filter((a) => a.id !== api.id && a.id !== api.versions?.api);
  if (others.length > 0) {
    items.push({ label: 'Other APIs', collapsed: true, items: others.map((a) => ({ label: a.title, link: urls.overview(a.id) })) });
  }
  return items;
}
