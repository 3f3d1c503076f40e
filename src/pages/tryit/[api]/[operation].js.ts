import type { APIRoute, GetStaticPaths } from 'astro';
import type { ApiModel } from '../../../openapi/index.ts';
import { loadApisCached } from '../../../openapi/index.node.ts';
import { requireApi, requireOperation } from '../../../reference/index.node.ts';
import { createValidatorCompiler, type ValidatorCompiler } from '../../../tryit/index.node.ts';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await loadApisCached('openapi')).flatMap((api) => api.operations.filter((op) => !op.webhook).map((op) => ({ params: { api: api.id, operation: op.slug } })))) satisfies GetStaticPaths;

// One compiler per API (and per reload of its spec in dev): its named schemas compile once for all operations.
const compilers = new WeakMap<ApiModel, ValidatorCompiler>();

/** The operation's Ajv standalone request validators (params, body), as an ES module. */
export const GET: APIRoute = async ({ params }) => {
  const index = await requireApi(String(params.api));
  const { api } = index;
  const op = requireOperation(index, String(params.operation));
  let compile = compilers.get(api);
  if (!compile) compilers.set(api, (compile = createValidatorCompiler(api)));
  const code = compile(op, `${import.meta.env.BASE_URL.replace(/\/$/, '')}/tryit/ajv.runtime`);
  return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
