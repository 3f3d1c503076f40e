// Where reference pages live. One place, so pages, sidebar and links agree.

export interface ReferenceUrls {
  overview(api: string): string;
  operation(api: string, slug: string): string;
  schema(api: string, slug: string): string;
  /** The list of an API's schemas. */
  schemas(api: string): string;
  /** What changed between an API's versions (APIs with several). */
  changelog(api: string): string;
  /** A group's own page on a big API: `path` is `<tag>` or `<tag>/<page>` (tag-pages.ts). */
  tag(api: string, path: string): string;
}

/** `base` is the site's base path (`import.meta.env.BASE_URL`), `/` by default. */
export function createReferenceUrls(base = '/'): ReferenceUrls {
  const root = `${base.replace(/\/+$/, '')}/reference`;
  return {
    overview: (api) => `${root}/${api}/`,
    operation: (api, slug) => `${root}/${api}/${slug}/`,
    schema: (api, slug) => `${root}/${api}/schemas/${slug}/`,
    schemas: (api) => `${root}/${api}/schemas/`,
    changelog: (api) => `${root}/${api}/changelog/`,
    tag: (api, path) => `${root}/${api}/tags/${path}/`,
  };
}
