import type { ApiModel, Operation } from '../../openapi/index.ts';
import { loadApisCached, specsDir } from '../../openapi/index.node.ts';

/** An operation of a spec in `openapi/` (parsed once per build, shared with the reference pages). */
export async function findOperation(apiId: string, slug: string): Promise<{ api: ApiModel; op: Operation }> {
  const api = (await loadApisCached()).find((a) => a.id === apiId);
  const op = api?.operations.find((o) => o.slug === slug);
  if (!api || !op) throw new Error(`<TryIt api="${apiId}" operation="${slug}">: ${api ? `no operation "${slug}" in ${api.file}` : `no spec ${specsDir()}/${apiId}.yaml (or .json)`}.`);
  return { api, op };
}
