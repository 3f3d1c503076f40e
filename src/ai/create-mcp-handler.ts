// The MCP endpoint as a runtime-neutral Fetch handler: `(Request) → Promise<Response>`, on the
// SDK's Web-standard Streamable HTTP transport in stateless mode (a fresh McpServer per
// request, JSON answers), so the same code runs in `npm start` (Node) and in a Worker.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerOptions } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { registerTools } from './mcp-tools.ts';
import { loadSearch, type DocsSearch } from './search-index.ts';
import { twinFile } from './data-file.ts';
import type { AiDataFile, TwinEntry } from './types.ts';

export interface McpContext {
  /** Who is calling, handed on to the proxy's per-client limits. */
  clientId?: string;
}

export interface McpHandlerOptions {
  /** The build's AI data (see DATA_FILE), or a loader called once on first use. */
  data: AiDataFile | (() => Promise<AiDataFile>);
  /**
   * Reads a twin's Markdown, which DATA_FILE leaves out: `file` is its path in the static
   * output (`reference/melious/create-chat-completion.md`). Node reads dist/client, a Worker its
   * assets. Only twins listed in the data are asked for.
   */
  readTwin?: (file: string) => Promise<string>;
  /** The try-it proxy: the same core (allow-list, limits, header hygiene, redacted logs) as the console's route. */
  callOperation: (request: Request, context: McpContext) => Promise<Response>;
  /** Where `callOperation` expects requests: `<proxyBase>/<api>/<path>`. Default `/api/proxy`. */
  proxyBase?: string;
  /** The site's base path (`/`). */
  base?: string;
  /** Origin + base for absolute links in results; default: the origin of each MCP request. */
  site?: string;
  version?: string;
  /** The SDK's JSON Schema validator; Workers (no `new Function`) pass the SDK's CfWorkerJsonSchemaValidator. */
  jsonSchemaValidator?: ServerOptions['jsonSchemaValidator'];
}

export type McpHandler = (request: Request, context?: McpContext) => Promise<Response>;

export function createMcpHandler(options: McpHandlerOptions): McpHandler {
  const base = options.base ?? '/';
  const proxyBase = options.proxyBase ?? '/api/proxy';
  let loaded: Promise<{ data: AiDataFile; search: DocsSearch; twinText: (twin: TwinEntry) => Promise<string> }> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const data = typeof options.data === 'function' ? await options.data() : options.data;
      if (data.version !== 1) throw new Error(`AI data version ${String(data.version)} is not 1: rebuild the site (npm run build).`);
      const twinText = async (twin: TwinEntry) => {
        if (twin.markdown !== undefined) return twin.markdown;
        if (!options.readTwin) throw new Error(`No Markdown for ${twin.url}: the MCP handler was given no readTwin.`);
        return options.readTwin(twinFile(twin, data.base ?? base));
      };
      return { data, search: loadSearch(data.search, data.twins, twinText), twinText };
    })());

  return async (request, context = {}) => {
    if (request.method !== 'POST') {
      // Stateless: no server-to-client stream to open (GET) and no session to end (DELETE).
      return json(405, { jsonrpc: '2.0', error: { code: -32000, message: 'This MCP server is stateless: send JSON-RPC requests with POST.' }, id: null }, { allow: 'POST' });
    }
    const origin = request.headers.get('origin');
    const url = new URL(request.url);
    if (origin && origin !== url.origin) {
      // A web page may not drive a local MCP server with the reader's key (DNS rebinding).
      return json(403, { jsonrpc: '2.0', error: { code: -32000, message: `Origin ${origin} may not call this MCP server.` }, id: null });
    }
    const { data, search, twinText } = await load();
    const site = options.site ?? `${url.origin}${base.replace(/\/+$/, '')}`;
    const server = new McpServer({ name: data.site.title, version: options.version ?? '1.0.0' }, { capabilities: { tools: {} }, jsonSchemaValidator: options.jsonSchemaValidator });
    registerTools(server, {
      data, search, twinText, site, base, proxyBase, headers: request.headers,
      callOperation: (r) => options.callOperation(r, context),
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      void server.close();
    }
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
