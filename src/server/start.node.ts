// `npm start` (after `astro build`) and Playwright's web server: the built Astro site on
// HOST:PORT with the proxy route `/api/proxy/<api>/<path>` served by the proxy's node:http
// handler in front of it (the only proxy in this process: Astro's endpoint is for
// `astro dev`), the MCP server on /mcp (from the build's AI data, calling operations through
// the same proxy core), and the sandbox on SANDBOX_PORT for every API without a real upstream.
// Ctrl-C stops both.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ProxyConfigError } from '../proxy/index.ts';
import type { NodeHandler } from '../request/index.node.ts';
import { createFrontHandler, proxyTargetTest } from './front-handler.node.ts';
import { createSiteProxy } from './site-proxy.node.ts';
import { withEmbedCors } from './embed-cors.node.ts';
import { createMcpHandler, DATA_FILE, MCP_PATH } from '../ai/index.ts';
import { readAiData } from '../ai/index.node.ts';
import { createNodeMcpHandler } from './mcp-handler.node.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = process.env;
const host = env.HOST ?? '127.0.0.1';
const port = Number(env.PORT ?? 4321);
const sandboxPort = Number(env.SANDBOX_PORT ?? 4010);
// SITE_DIST: a site built elsewhere (`astro build --outDir`), e.g. the OAuth tests' site under a base path.
const dist = join(root, env.SITE_DIST ?? 'dist');
const entry = join(dist, 'server', 'entry.mjs');

if (!existsSync(entry)) {
  console.error(`No built site at ${entry}: run npm run build first.`);
  process.exit(1);
}
// The Node adapter's standalone entry starts its own server on import unless told not to.
env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler: astro } = (await import(pathToFileURL(entry).href)) as { handler: NodeHandler };

let site;
try {
  site = await createSiteProxy({ root, env, sandboxPort });
} catch (error) {
  console.error(error instanceof ProxyConfigError || (error as Error).name === 'SpecError' ? (error as Error).message : error);
  process.exit(1);
}
// The MCP server answers from the build's AI data and calls operations through the same proxy core.
const aiData = await readAiData(join(dist, 'client', DATA_FILE)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const proxied = site;
const mcp = createMcpHandler({
  data: aiData,
  readTwin: (file) => readFile(join(dist, 'client', file), 'utf8'),
  proxyBase: site.config.basePath,
  callOperation: (request, context) => proxied.proxy(request, { clientId: context.clientId }),
});
const mcpPath = `/${MCP_PATH}`;

const server = createServer(createFrontHandler({
  mount: site.config.basePath,
  proxy: site.nodeHandler,
  site: withEmbedCors(astro),
  mcp: { path: mcpPath, handler: createNodeMcpHandler(mcp, (): string => `http://${host}:${(server.address() as AddressInfo).port}`) },
}));
// What node's parser refuses under the proxy mount is answered from the proxy's catalogue too.
server.on('clientError', site.clientErrorHandler(proxyTargetTest(site.config.basePath)));
server.on('error', (error) => {
  console.error(`Cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  for (const line of site.lines) console.log(line);
  const bound = (server.address() as AddressInfo).port;
  console.log(`Site on http://${host}:${bound}/ (proxy at ${site.config.basePath}/<api>/…)`);
  console.log(`MCP server on http://${host}:${bound}${mcpPath} (Streamable HTTP; tools search_docs, get_page, list_operations, describe_operation, call_operation)`);
});

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  server.closeAllConnections();
  site.close().finally(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
