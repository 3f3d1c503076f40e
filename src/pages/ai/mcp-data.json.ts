// The MCP server's data (DATA_FILE in src/ai): operations, search index and the list of twins,
// whose Markdown the server reads from the twin files this build writes beside the pages.
import type { APIRoute } from 'astro';
import { toDataFile } from '../../ai/index.ts';
import { aiData } from '../_ai-data.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(toDataFile(await aiData(), import.meta.env.BASE_URL)), { headers: { 'content-type': 'application/json' } });
