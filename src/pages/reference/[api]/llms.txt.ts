// /reference/<api>/llms.txt: one API's operations and schemas, so a huge spec stays usable.
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiLlmsTxt, MCP_PATH } from '../../../ai/index.ts';
import { getReferenceData } from '../../../reference/index.node.ts';
import { aiData, siteUrl, textResponse } from '../../_ai-data.ts';

export const getStaticPaths = (async () => (await getReferenceData()).apis.map((a) => ({ params: { api: a.api.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  textResponse(apiLlmsTxt(await aiData(), params.api!, { site: siteUrl(), mcp: `/${MCP_PATH}` }));
