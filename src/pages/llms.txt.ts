// /llms.txt (llmstxt.org): guide groups and APIs as sections of links to the Markdown twins.
import type { APIRoute } from 'astro';
import { MCP_PATH, siteLlmsTxt } from '../ai/index.ts';
import { aiData, siteUrl, textResponse } from './_ai-data.ts';

export const GET: APIRoute = async () =>
  textResponse(siteLlmsTxt(await aiData(), { site: siteUrl(), mcp: `/${MCP_PATH}` }));
