// CORS for the files under /embed/, fetched by pages on other origins (src/embed/cross-origin.ts).
import { EMBED_HEADERS, EMBED_PREFIX, EMBED_PREFLIGHT_HEADERS } from '../embed/index.ts';
import type { NodeHandler } from '../request/index.node.ts';

export function withEmbedCors(site: NodeHandler, prefix = EMBED_PREFIX): NodeHandler {
  return (req, res) => {
    if (!(req.url ?? '').startsWith(prefix)) return site(req, res);
    for (const [name, value] of Object.entries(EMBED_HEADERS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, EMBED_PREFLIGHT_HEADERS);
      res.end();
      return;
    }
    site(req, res);
  };
}
