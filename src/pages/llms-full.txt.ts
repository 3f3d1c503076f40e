// /llms-full.txt: every twin in sidebar order, in one file.
import type { APIRoute } from 'astro';
import { llmsFullTxt, MCP_PATH } from '../ai/index.ts';
import { aiData, siteUrl, textResponse } from './_ai-data.ts';

export const GET: APIRoute = async () =>
  textResponse(llmsFullTxt(await aiData(), { site: siteUrl(), mcp: `/${MCP_PATH}` }));
