import type { APIRoute, GetStaticPaths } from 'astro';
import type { ApiModel } from '../../../openapi/index.ts';
import { loadApisCached } from '../../../openapi/load-cached.node.ts';
import { findOperation } from '../../../components/tryit/load-apis.node.ts';
import { createValidatorCompiler, type ValidatorCompiler } from '../../../tryit/compile-validators.ts';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await loadApisCached('openapi')).flatMap((api) => api.operations.filter((op) => !op.webhook).map((op) => ({ params: { api: api.id, operation: op.slug } })))) satisfies GetStaticPaths;

// One compiler per API (and per reload of its spec in dev): its named schemas compile once for all operations.
const compilers = new WeakMap<ApiModel, ValidatorCompiler>();

/** The operation's Ajv standalone request validators (params, body), as an ES module. */
export const GET: APIRoute = async ({ params }) => {
  const { api, op } = await findOperation(String(params.api), String(params.operation));
  let compile = compilers.get(api);
  if (!compile) compilers.set(api, (compile = createValidatorCompiler(api)));
  const code = compile(op, `${import.meta.env.BASE_URL.replace(/\/$/, '')}/tryit/ajv-runtime`);
  return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
