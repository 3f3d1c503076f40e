// Where an API's groups (tags) are listed. A small API lists every operation on its overview;
// past OVERVIEW_OPERATIONS_LIMIT (GitHub: 845; Microsoft Graph: 11,422 and a 2.2 MB overview) the
// overview lists the groups only, and each group gets its own pages of at most TAG_PAGE_SIZE
// operations, so no page grows with the operation count.
import type { ApiModel } from '../openapi/index.ts';
import { createSlugRegistry, toSlug } from '../openapi/index.ts';
import type { ReferenceUrls } from './urls.ts';

/** Past this many operations the overview lists groups, not operations. */
export const OVERVIEW_OPERATIONS_LIMIT = 500;
/** Operations on one group page (a row is ~250 B, so a page stays near 100 KB). */
export const TAG_PAGE_SIZE = 300;

export interface TagPage {
  tag: string;
  /** URL slug of the tag, unique within the API. */
  slug: string;
  /** 1-based. */
  page: number;
  pages: number;
  /** Index in the tag of the first operation on this page. */
  from: number;
  /** The operations on this page (slugs, in the tag's order). */
  operations: string[];
}

export function hasTagPages(api: Pick<ApiModel, 'operations'>): boolean {
  return api.operations.length > OVERVIEW_OPERATIONS_LIMIT;
}

/** The overview's section of a tag. */
export function tagAnchor(tag: string): string {
  return `tag-${toSlug(tag) || 'other'}`;
}

const slugCache = new WeakMap<ApiModel['tags'], Map<string, string>>();

/** Tag name → URL slug, unique within the API (`Foo bar` and `foo-bar` become `foo-bar`, `foo-bar-2`). Worked out once per API. */
export function tagSlugs(api: Pick<ApiModel, 'tags'>): Map<string, string> {
  let slugs = slugCache.get(api.tags);
  if (!slugs) {
    const next = createSlugRegistry();
    slugs = new Map(api.tags.map((t) => [t.name, next(toSlug(t.name) || 'other')]));
    slugCache.set(api.tags, slugs);
  }
  return slugs;
}

/** Every group page of an API with tag pages; none for a small API. */
export function tagPages(api: Pick<ApiModel, 'tags' | 'operations'>, size = TAG_PAGE_SIZE): TagPage[] {
  if (!hasTagPages(api)) return [];
  const slugs = tagSlugs(api);
  return api.tags.flatMap((tag) => {
    const pages = Math.max(1, Math.ceil(tag.operations.length / size));
    return Array.from({ length: pages }, (_, i) => ({
      tag: tag.name, slug: slugs.get(tag.name)!, page: i + 1, pages, from: i * size, operations: tag.operations.slice(i * size, (i + 1) * size),
    }));
  });
}

/** The group page's title: `Users`, then `Users (2 of 3)` on a group of several pages. */
export function tagPageTitle(page: TagPage): string {
  return page.pages > 1 ? `${page.tag} (${page.page} of ${page.pages})` : page.tag;
}

/** The route parameter of a group page: `users`, then `users/2`, `users/3`. */
export function tagPagePath(slug: string, page: number): string {
  return page <= 1 ? slug : `${slug}/${page}`;
}

/**
 * Where a group's operations are listed: its own page (the one holding `operation`, if given)
 * on a big API, else its section of the overview.
 */
export function createTagHref(api: Pick<ApiModel, 'id' | 'tags' | 'operations'>, urls: ReferenceUrls): (tag: string, operation?: string) => string {
  if (!hasTagPages(api)) return (tag) => `${urls.overview(api.id)}#${tagAnchor(tag)}`;
  const slugs = tagSlugs(api);
  return (tag, operation) => {
    const index = operation === undefined ? -1 : (api.tags.find((t) => t.name === tag)?.operations.indexOf(operation) ?? -1);
    return urls.tag(api.id, tagPagePath(slugs.get(tag) ?? (toSlug(tag) || 'other'), index < 0 ? 1 : Math.floor(index / TAG_PAGE_SIZE) + 1));
  };
}
