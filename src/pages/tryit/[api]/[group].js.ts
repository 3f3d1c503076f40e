import type { APIRoute, GetStaticPaths } from 'astro';
import type { ApiModel } from '../../../openapi/index.ts';
import { loadApisCached } from '../../../openapi/index.node.ts';
import { requireApi } from '../../../reference/index.node.ts';
import { createValidatorCompiler, validatorGroups, type ValidatorCompiler } from '../../../tryit/index.node.ts';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await loadApisCached()).flatMap((api) => [...validatorGroups(api).groups.keys()].map((group) => ({ params: { api: api.id, group } })))) satisfies GetStaticPaths;

// One compiler per API (and per reload of its spec in dev): its named schemas compile once for all groups.
const compilers = new WeakMap<ApiModel, ValidatorCompiler>();

/** The request validators (params, body) of a group of operations, as an ES module: Ajv standalone code, or past REACH_LIMIT the schemas for the `compile` helper. */
export const GET: APIRoute = async ({ params }) => {
  const { api, operations } = await requireApi(String(params.api));
  const slugs = validatorGroups(api).groups.get(String(params.group));
  if (!slugs) return new Response(`No validator group "${params.group}" in ${api.file}.`, { status: 404 });
  let compile = compilers.get(api);
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  // A group reaching too many named schemas compiles in the browser from the API's response-schemas.json.
  if (!compile) compilers.set(api, (compile = createValidatorCompiler(api, { componentsUrl: `${base}/tryit/${api.id}/response-schemas.json` })));
  const code = compile(slugs.map((slug) => operations.get(slug)!), `${base}/tryit/ajv.runtime`);
  return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
