import type { APIRoute } from 'astro';
import { buildAjvRuntime } from '../../tryit/ajv-runtime.node.ts';

export const prerender = true;

/** Helpers shared by every operation's validator module (deep equal, string length, formats). */
export const GET: APIRoute = async () =>
  new Response(await buildAjvRuntime(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
