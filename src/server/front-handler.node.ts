// Dispatches before Astro sees anything. Astro normalises a path before routing it (dot
// segments, percent-escapes), so the decision here is made on the same normalised form: any
// spelling that Astro would route under the proxy mount (`/api/x/../proxy/…`,
// `/api/%70roxy/…`) goes to the proxy, which refuses what is not canonical. Absolute-form
// targets (`GET http://host/ HTTP/1.1`) go to the proxy too, which refuses them.
import type { NodeHandler } from '../request/index.node.ts';

export interface FrontRoutes {
  mount: string;
  proxy: NodeHandler;
  site: NodeHandler;
  /** The MCP endpoint (an exact path, `/mcp`), when the server has one. */
  mcp?: { path: string; handler: NodeHandler };
}

export function createFrontHandler({ mount, proxy, site, mcp }: FrontRoutes): NodeHandler {
  const isProxy = proxyTargetTest(mount);
  const mcpPath = mcp?.path.replace(/\/+$/, '').toLowerCase();
  return (req, res) => {
    const target = req.url ?? '/';
    if (isProxy(target)) proxy(req, res);
    else if (mcp && normalisedPath(target).replace(/\/+$/, '') === mcpPath) mcp.handler(req, res);
    else site(req, res);
  };
}

/** Whether a raw request target belongs to the proxy mounted at `mount`, however it is spelled. */
export function proxyTargetTest(mount: string): (target: string) => boolean {
  const base = mount.replace(/\/+$/, '').toLowerCase();
  return (target) => !target.startsWith('/') || isUnder(normalisedPath(target), base);
}

function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(base + '/');
}

/** The path as a router would see it: dot segments resolved, escapes decoded, `\` and `//` as `/`, lower case. */
export function normalisedPath(target: string): string {
  let path: string;
  try {
    // Concatenated, not resolved: `//api/…` would otherwise be read as a host.
    path = new URL('http://host' + target).pathname;
  } catch {
    return target.toLowerCase();
  }
  let decoded = path;
  // Decode repeatedly (`%2570` → `%70` → `p`): whichever layer a router stops at, it is covered.
  for (let i = 0; i < 3 && decoded.includes('%'); i++) {
    const next = safeDecode(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  if (decoded !== path) {
    try {
      decoded = new URL('http://host' + decoded.replace(/\\/g, '/')).pathname;
    } catch {
      // keep the decoded form
    }
  }
  return decoded.replace(/\/{2,}/g, '/').toLowerCase();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}
