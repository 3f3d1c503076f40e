import type { APIRoute, GetStaticPaths } from 'astro';
import { transform } from 'esbuild';
import { findOperation, tryItApis } from '../../../components/tryit/load-apis.node.ts';
import { compileValidators } from '../../../tryit/compile-validators.ts';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await tryItApis()).flatMap((api) => api.operations.filter((op) => !op.webhook).map((op) => ({ params: { api: api.id, operation: op.slug } })))) satisfies GetStaticPaths;

/** The operation's Ajv standalone validators (params, body, responses), as an ES module. */
export const GET: APIRoute = async ({ params }) => {
  const { api, op } = await findOperation(String(params.api), String(params.operation));
  const source = compileValidators(api, op, `${import.meta.env.BASE_URL.replace(/\/$/, '')}/tryit/ajv-runtime.js`);
  const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2022' });
  return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
