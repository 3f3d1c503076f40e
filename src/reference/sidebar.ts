// The sidebar of a reference page: only its own API, grouped by tag. On a big API only the
// current tag lists its operations and the other tags are one link each, so a page's size
// does not grow with the square of the operation count (GitHub: 184 KB of 247 KB was sidebar).
import type { ApiModel, HttpMethod, Operation } from '../openapi/index.ts';
import { toSlug } from '../openapi/index.ts';
import type { ReferenceUrls } from './urls.ts';

export type BadgeVariant = 'note' | 'tip' | 'caution' | 'danger' | 'success' | 'default';
export type SidebarLink = { label: string; link: string; badge?: { text: string; variant: BadgeVariant }; attrs?: Record<string, string> };
export type SidebarGroup = { label: string; items: SidebarItem[]; collapsed?: boolean };
export type SidebarItem = SidebarLink | SidebarGroup;

/** APIs with more operations than this get the compact sidebar. */
export const FULL_SIDEBAR_LIMIT = 60;

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

export function tagAnchor(tag: string): string {
  return `tag-${toSlug(tag) || 'other'}`;
}

export interface SidebarInput {
  api: ApiModel;
  /** Every API, for the "Other APIs" group. */
  apis: ReadonlyArray<{ id: string; title: string }>;
  urls: ReferenceUrls;
  /** Slug of the operation on this page, if it is one. */
  current?: string;
}

export function createApiSidebar({ api, apis, urls, current }: SidebarInput): SidebarItem[] {
  const bySlug = new Map(api.operations.map((op) => [op.slug, op]));
  const compact = api.operations.length > FULL_SIDEBAR_LIMIT;
  const currentTag = current === undefined ? undefined : api.tags.find((t) => t.operations.includes(current))?.name;
  const items: SidebarItem[] = [{ label: 'Overview', link: urls.overview(api.id) }];
  // One changelog per API, at the newest version's id.
  if (api.versions) items.push({ label: 'Changelog', link: urls.changelog(api.versions.api) });
  const groupOf = (tag: ApiModel['tags'][number], collapsed: boolean): SidebarGroup => {
    const links: SidebarLink[] = [];
    for (const slug of tag.operations) {
      const op = bySlug.get(slug);
      if (op) links.push({ label: operationLabel(op), link: urls.operation(api.id, slug), badge: methodBadge(op.method) });
    }
    return { label: tag.name, items: links, collapsed };
  };
  if (!compact) {
    for (const tag of api.tags) items.push(groupOf(tag, currentTag !== undefined && tag.name !== currentTag));
  } else {
    // The current tag with its operations, then every tag as one link to its list on the overview.
    const here = api.tags.find((t) => t.name === currentTag);
    if (here) items.push(groupOf(here, false));
    items.push({
      label: here ? 'All groups' : 'Groups',
      items: api.tags.map((tag) => ({
        label: tag.name,
        link: `${urls.overview(api.id)}#${tagAnchor(tag.name)}`,
        badge: { text: String(tag.operations.length), variant: 'default' as const },
      })),
    });
  }
  if (Object.keys(api.schemas).length > 0) items.push({ label: 'Schemas', link: urls.schemas(api.id) });
  const others = apis.filter((a) => a.id !== api.id && a.id !== api.versions?.api);
  if (others.length > 0) {
    items.push({ label: 'Other APIs', collapsed: true, items: others.map((a) => ({ label: a.title, link: urls.overview(a.id) })) });
  }
  return items;
}
