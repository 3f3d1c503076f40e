import { loadApis } from '../../openapi/load.node.ts';
import type { ApiModel } from '../../openapi/index.ts';

let cached: Promise<ApiModel[]> | undefined;

/** The specs in `openapi/`, loaded once per build however many pages ask. */
export function tryItApis(): Promise<ApiModel[]> {
  cached ??= loadApis('openapi');
  return cached;
}

export async function findOperation(apiId: string, slug: string) {
  const api = (await tryItApis()).find((a) => a.id === apiId);
  const op = api?.operations.find((o) => o.slug === slug);
  if (!api || !op) throw new Error(`<TryIt api="${apiId}" operation="${slug}">: ${api ? `no operation "${slug}" in ${api.file}` : `no spec openapi/${apiId}.yaml (or .json)`}.`);
  return { api, op };
}
