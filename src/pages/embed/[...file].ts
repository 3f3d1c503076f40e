import type { APIRoute, GetStaticPaths } from 'astro';
import { buildEmbed, type EmbedFile } from '../../embed/index.node.ts';

export const prerender = true;

// One esbuild + highlight pass for every file under /embed/: snippets.js, its chunks,
// snippets.css and s/<group>/<name>.json for each snippet in snippets/.
let files: Promise<EmbedFile[]> | undefined;

export const getStaticPaths: GetStaticPaths = async () =>
  (await (files ??= buildEmbed('snippets'))).map((file) => ({ params: { file: file.path }, props: { contents: file.contents } }));

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json' };

export const GET: APIRoute = ({ params, props }) =>
  new Response(props.contents as string, { headers: { 'content-type': TYPES[String(params.file).split('.').pop()!] ?? 'application/octet-stream' } });
