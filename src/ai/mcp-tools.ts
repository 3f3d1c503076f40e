// The five MCP tools, registered on one McpServer with zod input schemas. Every handler
// answers from the AiData (twins, operation list, search index); only call_operation leaves
// the process, through the proxy handler it is given. Mistakes the caller can fix come back as
// `isError: true` results whose text names the field and what to do.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';
import { closest } from './closest.ts';
import { findApi, findOperation, readAnswer, toProxyRequest, ToolInputError, type CallArgs } from './call-operation.ts';
import type { DocsSearch } from './search-index.ts';
import { twinUrlOf } from './twin-url.ts';
import type { AiDataFile, OperationEntry, TwinEntry } from './types.ts';

export interface ToolContext {
  data: AiDataFile;
  search: DocsSearch;
  /** A twin's Markdown (read from the site's files when the data leaves it out). */
  twinText: (twin: TwinEntry) => Promise<string>;
  /** Origin + base of the site, no trailing slash: links in results are absolute. */
  site: string;
  base: string;
  proxyBase: string;
  /** Headers of the MCP HTTP request: where the caller's API key comes from. */
  headers: Headers;
  callOperation: (request: Request) => Promise<Response>;
}

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export function registerTools(server: McpServer, ctx: ToolContext): void {
  const apiIds = ctx.data.apis.map((a) => a.id);

  server.registerTool('search_docs', {
    title: 'Search the docs',
    description: `Full-text search over every guide and reference page (APIs: ${apiIds.join(', ')}). Returns ranked results, each with the URL of its Markdown page and an excerpt; read one with get_page.`,
    inputSchema: {
      query: z.string().min(1).describe('Words to look for, e.g. "stream chat completion".'),
      api: z.string().optional().describe(`Only pages of this API: ${apiIds.join(', ')}.`),
      limit: z.number().int().min(1).max(25).optional().describe('How many results (default 8).'),
    },
    annotations: { readOnlyHint: true },
  }, async ({ query, api, limit }) => guard(async () => {
    if (api !== undefined) findApi(ctx.data, api);
    const hits = await ctx.search.search(query, { limit: limit ?? 8, api });
    if (hits.length === 0) return text(`No page matches "${query}". Try fewer or other words, or list_operations for the API reference.`);
    const lines = hits.map((h, i) => `${i + 1}. [${h.twin.title}](${ctx.site}${h.twin.url}) (${h.twin.kind}${h.twin.api ? `, ${h.twin.api}` : ''})\n   ${h.excerpt}`);
    return {
      content: [{ type: 'text', text: lines.join('\n') }],
      structuredContent: { results: hits.map((h) => ({ title: h.twin.title, url: ctx.site + h.twin.url, kind: h.twin.kind, api: h.twin.api, excerpt: h.excerpt })) },
    };
  }));

  server.registerTool('get_page', {
    title: 'Read a docs page',
    description: 'The Markdown of one docs page, by its URL or path: the HTML URL (https://…/start/quickstart/), its .md twin, or a path like "reference/melious/create-chat-completion".',
    inputSchema: { url: z.string().min(1).describe('URL or path of the page.') },
    annotations: { readOnlyHint: true },
  }, async ({ url }) => guard(async () => {
    const wanted = toTwinUrl(url, ctx.base);
    const twin = ctx.data.twins.find((t) => t.url === wanted);
    if (!twin) {
      const near = closest(wanted, ctx.data.twins.map((t) => t.url), 5).map((u) => ctx.site + u);
      throw new ToolInputError(`url: no page at "${url}". Closest pages: ${near.join(', ')}. search_docs finds pages by their words.`);
    }
    return text(await ctx.twinText(twin));
  }));

  server.registerTool('list_operations', {
    title: 'List API operations',
    description: `The operations of the documented APIs (${apiIds.join(', ')}), filtered by API, tag or words in the id, path or summary. Each line gives api, operationId, method and path; describe_operation gives the details.`,
    inputSchema: {
      api: z.string().optional().describe(`One of ${apiIds.join(', ')}.`),
      tag: z.string().optional().describe('Tag (group) name, as on the API overview page.'),
      text: z.string().optional().describe('Words that must appear in the operationId, path or summary.'),
      limit: z.number().int().min(1).max(500).optional().describe('How many (default 100).'),
    },
    annotations: { readOnlyHint: true },
  }, async ({ api, tag, text: words, limit }) => guard(() => {
    let ops = ctx.data.operations;
    if (api !== undefined) ops = ops.filter((o) => o.api === findApi(ctx.data, api).id);
    if (tag !== undefined) {
      const tags = [...new Set(ops.flatMap((o) => o.tags))];
      const match = tags.find((t) => t.toLowerCase() === tag.toLowerCase());
      if (!match) throw new ToolInputError(`tag: no tag "${tag}"${api ? ` in ${api}` : ''}. Closest: ${closest(tag, tags).join(', ')}.`);
      ops = ops.filter((o) => o.tags.includes(match));
    }
    if (words) {
      const terms = words.toLowerCase().split(/\s+/).filter(Boolean);
      ops = ops.filter((o) => terms.every((t) => `${o.operationId} ${o.method} ${o.path} ${o.summary ?? ''} ${o.tags.join(' ')}`.toLowerCase().includes(t)));
    }
    const shown = ops.slice(0, limit ?? 100);
    const lines = shown.map((o) => `${o.api} ${o.operationId}: ${o.method} ${o.path}${o.summary ? ` — ${o.summary}` : ''}${o.deprecated ? ' (deprecated)' : ''}`);
    if (ops.length > shown.length) lines.push(`… ${ops.length - shown.length} more; narrow with api, tag or text.`);
    return {
      content: [{ type: 'text', text: lines.length ? lines.join('\n') : 'No operation matches these filters.' }],
      structuredContent: { total: ops.length, operations: shown.map((o) => ({ api: o.api, operationId: o.operationId, method: o.method, path: o.path, summary: o.summary, tags: o.tags, url: ctx.site + o.twin })) },
    };
  }));

  server.registerTool('describe_operation', {
    title: 'Describe an operation',
    description: 'Everything about one operation as Markdown: method and path, auth, parameters, request body and responses with their fields, examples, and request samples.',
    inputSchema: {
      api: z.string().describe(`One of ${apiIds.join(', ')}.`),
      operationId: z.string().describe('The operationId (e.g. createChatCompletion) or its slug (create-chat-completion).'),
    },
    annotations: { readOnlyHint: true },
  }, async ({ api, operationId }) => guard(async () => {
    const op = findOperation(ctx.data, api, operationId);
    const twin = ctx.data.twins.find((t) => t.url === op.twin);
    return text(twin ? await ctx.twinText(twin) : `${op.method} ${op.path}`);
  }));

  server.registerTool('call_operation', {
    title: 'Call an API operation',
    description: 'Sends one request to an operation through this site\'s try-it proxy (the real API when configured, else the sandbox that answers from the spec). The API key is taken from this MCP connection\'s own Authorization or API-key header, never from arguments. Streamed answers come back assembled, with the number of events.',
    inputSchema: {
      api: z.string().describe(`One of ${apiIds.join(', ')}.`),
      operationId: z.string().describe('The operationId or slug, as list_operations shows it.'),
      path: z.record(z.string(), scalar).optional().describe('Path parameters by name, e.g. {"model": "gpt-4o"}.'),
      query: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional().describe('Query parameters by name.'),
      headers: z.record(z.string(), z.string()).optional().describe('Header parameters the operation declares (not keys).'),
      body: z.unknown().optional().describe('The request body as JSON (an object for multipart forms).'),
    },
    annotations: { readOnlyHint: false, openWorldHint: true },
  }, async (args) => {
    try {
      const request = toProxyRequest(ctx.data, args as CallArgs, ctx.headers, ctx.proxyBase);
      const op = findOperation(ctx.data, args.api, args.operationId) as OperationEntry;
      const api = findApi(ctx.data, args.api);
      const response = await ctx.callOperation(request);
      const answer = await readAnswer(response, op, api.keyHeaders.some((h) => request.headers.has(h)), api.keyHeaders);
      const content: CallToolResult['content'] = [{ type: 'text', text: answer.text }];
      if (answer.media) content.push({ type: answer.media.kind, data: answer.media.data, mimeType: answer.media.mimeType });
      return { content, isError: answer.isError, structuredContent: answer.structured };
    } catch (error) {
      return toolError(error);
    }
  });
}

function text(value: string): CallToolResult {
  return { content: [{ type: 'text', text: value }] };
}

async function guard(run: () => CallToolResult | Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (error) {
    return toolError(error);
  }
}

function toolError(error: unknown): CallToolResult {
  const message = error instanceof ToolInputError ? error.message : `The tool failed: ${(error as Error)?.message ?? String(error)}`;
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Absolute URL, HTML path, twin path or bare path → the twin URL the data is keyed by. */
export function toTwinUrl(input: string, base: string): string {
  let path = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      // Not a URL after all: treat it as a path.
    }
  }
  path = path.split(/[?#]/)[0];
  if (!path.startsWith('/')) path = `${base.replace(/\/+$/, '')}/${path}`;
  if (!path.endsWith('.md') && !path.endsWith('/')) path += '/';
  return twinUrlOf(path, base);
}
