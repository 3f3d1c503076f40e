import type { APIRoute, GetStaticPaths } from 'astro';
import { loadApisCached } from '../../../openapi/index.node.ts';
import { toResponseSchemas } from '../../../tryit/index.node.ts';

export const prerender = true;

export const getStaticPaths = (async () => (await loadApisCached()).map((api) => ({ params: { api: api.id } }))) satisfies GetStaticPaths;

/** The API's named schemas and each operation's response schemas, which the try-it console checks answers against. */
export const GET: APIRoute = async ({ params }) => {
  const api = (await loadApisCached()).find((a) => a.id === params.api);
  if (!api) return new Response(`No spec openapi/${params.api}.yaml (or .json).`, { status: 404 });
  return new Response(JSON.stringify(toResponseSchemas(api)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
