// `/mcp` on node:http: the AI box's Fetch handler (createMcpHandler) through the request box's
// Node ↔ Fetch bridge. The MCP request's headers (which may carry the caller's API key) go to
// the handler for that one request and are not logged; the SDK's transport caps the body.
import type { McpHandler } from '../ai/index.ts';
import { clientGoneSignal, fromNodeRequest, writeNodeResponse, type NodeHandler } from '../request/index.node.ts';

/**
 * `origin` is where this server listens (`http://127.0.0.1:4321`), not the Host header: the
 * handler refuses a browser Origin other than its own, so a page on a rebound DNS name cannot
 * drive a local MCP server with the reader's key.
 */
export function createNodeMcpHandler(handler: McpHandler, origin: () => string): NodeHandler {
  return (req, res) => {
    const request = fromNodeRequest(req, { origin: origin(), signal: clientGoneSignal(res) });
    handler(request, { clientId: `mcp:${req.socket.remoteAddress ?? 'unknown'}` })
      .then((response) => writeNodeResponse(response, res))
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: `The MCP server failed: ${(error as Error).message}` }, id: null }));
      });
  };
}
