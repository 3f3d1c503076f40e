// The embed bundle, its chunks and the snippet JSON are fetched by pages on other origins:
// a module script and fetch() both need CORS. Everything under /embed/ is public and sent
// without credentials, so any origin may read it.
import type { NodeHandler } from '../request/index.node.ts';

export const EMBED_PREFIX = '/embed/';

export function withEmbedCors(site: NodeHandler, prefix = EMBED_PREFIX): NodeHandler {
  return (req, res) => {
    if (!(req.url ?? '').startsWith(prefix)) return site(req, res);
    res.setHeader('Access-Control-Allow-Origin', '*');
    // Hosts that isolate themselves (Cross-Origin-Embedder-Policy) still may load the files.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Timing-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Max-Age': '86400' });
      res.end();
      return;
    }
    site(req, res);
  };
}
