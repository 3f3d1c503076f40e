// The AI box: Markdown twins of every page, llms.txt files, and the MCP server's tools, all
// from the same ApiModel, guides and snippets as the HTML pages.
//
// Data contract for servers: the build writes one JSON file, DATA_FILE (relative to the
// site's static output, `dist/client/`), holding AiDataFile: every twin (its Markdown is the
// twin's own .md file), the operation list and the serialised search index.
// `createMcpHandler({ data, readTwin, callOperation })` serves `/mcp` from it on any runtime
// with Fetch (Node: src/server; Workers: src/edge).
export type { AiData, AiDataFile, ApiEntry, CallParameter, OperationEntry, Twin, TwinEntry } from './types.ts';
export { toDataFile, twinFile } from './data-file.ts';
export { buildAiData, type BuildAiDataInput, type GuideGroup } from './build-data.ts';
export { GUIDE_GROUPS } from './guide-groups.ts';
export type { GuideSource } from './guide-twin.ts';
export { operationTwin, type OperationTwinInput } from './operation-twin.ts';
export { siteLlmsTxt, apiLlmsTxt, llmsFullTxt, type LlmsOptions } from './llms-txt.ts';
export { twinUrlOf, pageUrlOf } from './twin-url.ts';
export { createMcpHandler, type McpContext, type McpHandler, type McpHandlerOptions } from './create-mcp-handler.ts';

/** Where the build writes AiData, relative to the static output (`dist/client/`); also its URL path under the base. */
export const DATA_FILE = 'ai/mcp-data.json';
/** The MCP endpoint's path under the site's base. */
export const MCP_PATH = 'mcp';
