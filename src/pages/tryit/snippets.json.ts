import type { APIRoute } from 'astro';
import { GENERATED_GROUP, toSnippetPrograms } from '../../snippets/index.ts';
import { getSnippets } from '../../reference/index.node.ts';

export const prerender = true;

/**
 * The generated clients (configs and template programs), fetched by the try-it console when
 * the reader opens its code panel: the browser runs the programs, it never compiles templates.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(toSnippetPrograms(getSnippets().registry, GENERATED_GROUP)), { headers: { 'content-type': 'application/json' } });
