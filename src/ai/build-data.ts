// Build time: every twin, the operation list and the search index from the same inputs as
// the HTML pages (the ApiModel, the guides' MDX, the snippet registry), as one AiData value.
import { schemaSlugs, schemaTypes, type ApiModel, type Operation } from '../openapi/index.ts';
import { describeOperation } from '../request/index.ts';
import {
  changelogContexts, changelogMeta, changelogRulesHref, createReferenceUrls, displayName, markdownToPlainText, schemaListHref, schemaListTitle, sortedSchemaListPages, tagPagePath, tagPageTitle, tagPages, viewOf, type VersionContext,
} from '../reference/index.ts';
import { renderRequest, renderSnippet, type CompiledSnippets, type SnippetRegistry, type SnippetVariant } from '../snippets/index.ts';
import { overviewTwin, schemaListTwin, schemaTwin, tagPageTwin, type ApiTwinUrls } from './api-twins.ts';
import { changelogTwin } from './changelog-twin.ts';
import { closest } from './closest.ts';
import { guideTwin, type GuideContext, type GuideSource } from './guide-twin.ts';
import { operationTitle, operationTwin } from './operation-twin.ts';
import { createSearchIndex } from './search-index.ts';
import { twinUrlOf } from './twin-url.ts';
import type { AiData, ApiEntry, OperationEntry, Twin } from './types.ts';

/** A sidebar group of guides: the folder under `docs/` and its label. */
export interface GuideGroup {
  label: string;
  directory: string;
}

export interface BuildAiDataInput {
  site: { title: string; description?: string };
  /** Origin + base without a trailing slash, for absolute links inside guide twins. */
  siteUrl: string;
  /** `import.meta.env.BASE_URL`. */
  base?: string;
  guides: GuideSource[];
  groups: GuideGroup[];
  apis: ApiModel[];
  /** API id → its versions and changelog (reference data's `versions`), for APIs with several. */
  versions: ReadonlyMap<string, VersionContext>;
  snippets: { registry: SnippetRegistry; compiled: CompiledSnippets };
}

export function buildAiData(input: BuildAiDataInput): AiData {
  const base = input.base ?? '/';
  const urls = createReferenceUrls(base);
  const { registry, compiled } = input.snippets;
  const samplesCache = new Map<string, { samples: SnippetVariant[]; streaming?: SnippetVariant[] }>();
  const samplesOf = (api: ApiModel, op: Operation) => {
    const key = `${api.id}/${op.slug}`;
    let found = samplesCache.get(key);
    if (!found) {
      const described = describeOperation(api, op);
      found = {
        samples: renderRequest(registry, compiled, described),
        streaming: described.streaming ? renderRequest(registry, compiled, { ...described, spec: described.streaming }) : undefined,
      };
      samplesCache.set(key, found);
    }
    return found;
  };
  const slugsOf = new Map(input.apis.map((api) => [api.id, schemaSlugs(Object.keys(api.schemas))]));
  const byId = new Map(input.apis.map((a) => [a.id, a]));
  // The changelog page lives under the newest version's id; every version's overview links it.
  const changelogs = new Map(changelogContexts(input.versions, (id) => byId.has(id)).map((ctx) => [ctx.api, ctx]));
  const changelogOf = (api: ApiModel) => {
    const family = input.versions.get(api.id)?.api;
    return family === undefined ? undefined : changelogs.get(family);
  };
  const apiUrls = (api: ApiModel): ApiTwinUrls => {
    const slugs = slugsOf.get(api.id)!;
    const changelog = changelogOf(api);
    return {
      overview: twinUrlOf(urls.overview(api.id), base),
      operation: (slug) => twinUrlOf(urls.operation(api.id, slug), base),
      schema: (name) => (slugs[name] ? twinUrlOf(urls.schema(api.id, slugs[name]), base) : undefined),
      schemas: (page = 1) => twinUrlOf(schemaListHref(urls, api.id, page), base),
      tag: (path) => twinUrlOf(urls.tag(api.id, path), base),
      changelog: changelog ? twinUrlOf(urls.changelog(changelog.api), base) : undefined,
      llmsTxt: `${urls.overview(api.id)}llms.txt`,
    };
  };

  const context: GuideContext = {
    site: input.siteUrl,
    twinOf: (href) => internalTwin(href, base),
    operation(apiId, id) {
      const api = requireApi(byId, apiId);
      const op = api.operations.find((o) => o.operationId === id || o.slug === id);
      if (!op) throw new Error(`No operation "${id}" in ${api.file}; closest: ${closest(id, api.operations.map((o) => o.operationId ?? o.slug)).join(', ')}.`);
      return { title: operationTitle(op), line: `${op.method.toUpperCase()} ${op.path}`, twin: apiUrls(api).operation(op.slug), samples: samplesOf(api, op).samples };
    },
    schema(apiId, name) {
      const api = requireApi(byId, apiId);
      const twin = apiUrls(api).schema(name);
      if (!twin) throw new Error(`No schema "${name}" in ${api.file}.`);
      return { title: displayName(name), twin };
    },
    snippet(name, values) {
      const rendered = renderSnippet(registry, compiled, name, values);
      return { title: rendered.title, variants: rendered.variants };
    },
  };

  const twins: Twin[] = [];
  for (const guide of sortGuides(input.guides, input.groups)) {
    const page = guide.id === 'index' ? base : `${base}${guide.id}/`;
    const section = guide.id === 'index' ? 'Docs' : (input.groups.find((g) => guide.id.startsWith(`${g.directory}/`))?.label ?? 'Docs');
    twins.push({ url: twinUrlOf(page, base), page, title: guide.title, description: guide.description, section, kind: 'guide', markdown: guideTwin(guide, context) });
  }

  const apis: ApiEntry[] = [];
  const operations: OperationEntry[] = [];
  for (const api of input.apis) {
    const u = apiUrls(api);
    const summary = summaryOf(markdownToPlainText(api.description));
    apis.push({ id: api.id, title: api.title, version: api.version, summary, keyHeaders: keyHeaders(api), twin: twinUrlOf(urls.overview(api.id), base), llmsTxt: u.llmsTxt });
    twins.push({ url: u.overview, page: urls.overview(api.id), title: api.title, description: summary, section: api.title, kind: 'overview', api: api.id, markdown: overviewTwin(api, u) });
    const changelog = changelogs.get(api.id);
    if (changelog) {
      const meta = changelogMeta(changelog, api.title);
      const ids = new Map(changelog.all.map((v) => [v.version, v.id]));
      const markdown = changelogTwin({
        ...meta,
        diffs: changelog.diffs,
        page: urls.changelog(api.id),
        operationTwin: (version, slug) => twinUrlOf(urls.operation(ids.get(version) ?? api.id, slug), base),
        rules: internalTwin(changelogRulesHref(base), base),
      });
      twins.push({ url: u.changelog!, page: urls.changelog(api.id), ...meta, section: api.title, kind: 'changelog', api: api.id, markdown });
    }
    // A big API's group pages (the HTML overview lists groups, not operations).
    for (const page of tagPages(api)) {
      const path = tagPagePath(page.slug, page.page);
      twins.push({ url: u.tag(path), page: urls.tag(api.id, path), title: tagPageTitle(page), description: `${page.operations.length} operations of the ${page.tag} group`, section: api.title, kind: 'tag', api: api.id, markdown: tagPageTwin(api, page, u) });
    }
    for (const op of api.operations) {
      const page = urls.operation(api.id, op.slug);
      const { samples, streaming } = samplesOf(api, op);
      const markdown = operationTwin({ api, op, page, overview: twinUrlOf(urls.overview(api.id), base), schemaUrl: u.schema, samples, streamingSamples: streaming });
      const line = `${op.method.toUpperCase()} ${op.path}`;
      twins.push({ url: u.operation(op.slug), page, title: operationTitle(op), description: line, section: api.title, kind: 'operation', api: api.id, markdown });
      operations.push(toEntry(api, op, u.operation(op.slug)));
    }
    const names = Object.keys(api.schemas);
    if (names.length) {
      const pages = sortedSchemaListPages(names);
      pages.forEach((_, i) => {
        const markdown = schemaListTwin(api, u, i + 1, pages);
        twins.push({ url: u.schemas(i + 1), page: schemaListHref(urls, api.id, i + 1), title: schemaListTitle(api.title, i + 1, pages.length), section: api.title, kind: 'schema', api: api.id, markdown });
      });
      const slugs = slugsOf.get(api.id)!;
      for (const name of names) {
        twins.push({ url: u.schema(name)!, page: urls.schema(api.id, slugs[name]), title: displayName(name), section: api.title, kind: 'schema', api: api.id, markdown: schemaTwin(api, name, u) });
      }
    }
  }
  return { version: 1, site: input.site, twins, apis, operations, search: createSearchIndex(twins) };
}

/** The first sentence of a description, or its first line when that sentence leads into a list. */
function summaryOf(text: string): string | undefined {
  const first = text.split(/(?<=[.!?])\s/)[0].split('\n')[0].trim();
  if (!first) return undefined;
  const cut = first.length > 240 ? `${first.slice(0, 239).replace(/\s\S*$/, '')}…` : first;
  return cut.replace(/:$/, '.');
}

function requireApi(byId: Map<string, ApiModel>, id: string): ApiModel {
  const api = byId.get(id);
  if (!api) throw new Error(`No API "${id}" in openapi/; known: ${[...byId.keys()].join(', ')}.`);
  return api;
}

/** Home first, then the groups in sidebar order, each by `sidebar.order` then id (Starlight's autogenerate order). */
function sortGuides(guides: GuideSource[], groups: GuideGroup[]): GuideSource[] {
  return [...guides].sort((a, b) => {
    const ra = rankOf(a, groups);
    const rb = rankOf(b, groups);
    return ra - rb || (a.order ?? Infinity) - (b.order ?? Infinity) || a.id.localeCompare(b.id);
  });
}

function rankOf(guide: GuideSource, groups: GuideGroup[]): number {
  if (guide.id === 'index') return -1;
  const i = groups.findIndex((g) => guide.id.startsWith(`${g.directory}/`));
  return i === -1 ? groups.length : i;
}

/** `/start/quickstart/#x` → `/start/quickstart.md#x`; external links and files stay. */
function internalTwin(href: string, base: string): string | undefined {
  if (!href.startsWith(base) || href.startsWith('//')) return undefined;
  const [path, hash] = href.split('#');
  if (!path.endsWith('/')) return undefined;
  return twinUrlOf(path, base) + (hash ? `#${hash}` : '');
}

function keyHeaders(api: ApiModel): string[] {
  const names = new Set<string>();
  for (const s of Object.values(api.securitySchemes)) {
    if (s.kind === 'apiKey' && s.in === 'header') names.add(s.paramName.toLowerCase());
    else if (s.kind === 'http' || s.kind === 'oauth2' || s.kind === 'openIdConnect') names.add('authorization');
  }
  return [...names];
}

function toEntry(api: ApiModel, op: Operation, twin: string): OperationEntry {
  return {
    api: api.id,
    operationId: op.operationId ?? op.slug,
    slug: op.slug,
    method: op.method.toUpperCase(),
    path: op.path,
    summary: op.summary?.trim() || undefined,
    tags: op.tags,
    deprecated: op.deprecated,
    twin,
    parameters: op.parameters.map((p) => {
      const s = viewOf(api.schemas, p.schema).schema;
      return { name: p.name, in: p.in, required: p.required, types: schemaTypes(s), ...(Array.isArray(s.enum) ? { enum: s.enum } : {}) };
    }),
    body: op.requestBody ? { required: op.requestBody.required, mediaTypes: op.requestBody.content.map((c) => c.type) } : undefined,
    streams: op.responses.some((r) => r.content.some((c) => c.type === 'text/event-stream')),
  };
}
