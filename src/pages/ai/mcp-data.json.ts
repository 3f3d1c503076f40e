// The MCP server's data (DATA_FILE in src/ai): twins, operations and search index in one file.
import type { APIRoute } from 'astro';
import { aiData } from '../_ai-data.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await aiData()), { headers: { 'content-type': 'application/json' } });
