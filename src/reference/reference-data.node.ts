// Indexes every spec of `openapi/` (loaded once per build by loadApisCached). Pages and the MDX
// components ask this module; they never parse a spec themselves.
import type { ApiModel, Operation } from '../openapi/index.ts';
import { schemaSlugs } from '../openapi/index.ts';
import { loadApisCached, specsDir } from '../openapi/index.node.ts';
import { createVersionContexts, type VersionContext } from './version-context.ts';

export interface ApiIndex {
  api: ApiModel;
  /** Slug → operation. */
  operations: Map<string, Operation>;
  /** Schema name → URL slug, and back. */
  schemaSlugs: Record<string, string>;
  schemaBySlug: Map<string, string>;
}

export interface ReferenceData {
  apis: ApiIndex[];
  byId: Map<string, ApiIndex>;
  /** API id → its versions and changelog, for APIs with several spec files. */
  versions: Map<string, VersionContext>;
  /** What the "Other APIs" lists show: each API once (the newest of its versions). */
  listed: Array<{ id: string; title: string }>;
}

const indexes = new WeakMap<ApiModel[], ReferenceData>();

/** The specs of `openapi/`, loaded once per build (and again in dev when one is saved). */
export async function getReferenceData(dir = specsDir()): Promise<ReferenceData> {
  const models = await loadApisCached(dir);
  let data = indexes.get(models);
  if (!data) {
    const apis = models.map(toIndex);
    const versions = createVersionContexts(models);
    const listed = models.filter((m) => m.versions === undefined || m.id === m.versions.api).map((m) => ({ id: m.id, title: m.title }));
    data = { apis, byId: new Map(apis.map((a) => [a.api.id, a])), versions, listed };
    indexes.set(models, data);
  }
  return data;
}

export function toIndex(api: ApiModel): ApiIndex {
  const slugs = schemaSlugs(Object.keys(api.schemas));
  return {
    api,
    operations: new Map(api.operations.map((op) => [op.slug, op])),
    schemaSlugs: slugs,
    schemaBySlug: new Map(Object.entries(slugs).map(([name, slug]) => [slug, name])),
  };
}

/** For the MDX components: an API by id, with a message that lists the ones that exist. */
export async function requireApi(id: string): Promise<ApiIndex> {
  const data = await getReferenceData();
  const found = data.byId.get(id);
  if (!found) throw new Error(`No API "${id}" in openapi/. Known: ${[...data.byId.keys()].join(', ') || 'none'}.`);
  return found;
}

/** An operation by operationId or by slug (`createChatCompletion` or `create-chat-completion`). */
export function requireOperation(index: ApiIndex, id: string): Operation {
  const op = index.operations.get(id) ?? index.api.operations.find((o) => o.operationId === id);
  if (!op) {
    const known = index.api.operations.slice(0, 8).map((o) => o.operationId ?? o.slug).join(', ');
    throw new Error(`No operation "${id}" in ${index.api.file}. Use an operationId or a slug, e.g. ${known}.`);
  }
  return op;
}
