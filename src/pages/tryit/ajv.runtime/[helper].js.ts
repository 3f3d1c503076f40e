import type { APIRoute, GetStaticPaths } from 'astro';
import { buildAjvHelper, RUNTIME_HELPERS } from '../../../tryit/index.node.ts';

export const prerender = true;

export const getStaticPaths = (() => Object.keys(RUNTIME_HELPERS).map((helper) => ({ params: { helper } }))) satisfies GetStaticPaths;

/** A helper the validator modules import (deep equal, string length, URI, formats), shared by every page. */
export const GET: APIRoute = async ({ params }) =>
  new Response(await buildAjvHelper(String(params.helper)), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
