// Binds the sandbox's Fetch handler to a loopback port with node:http, through the shared
// Node ↔ Fetch bridge (bodies streamed both ways, cancelled when the client goes away).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_HEADER } from '../request/index.ts';
import { toNodeHandler } from '../request/index.node.ts';
import type { SandboxHandler } from './create-sandbox.ts';

export interface ServedSandbox {
  /** `http://127.0.0.1:4010`; an API lives at `<url>/<api id>`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveSandbox(handler: SandboxHandler, { host = '127.0.0.1', port = 0 } = {}): Promise<ServedSandbox> {
  const server = createServer(
    toNodeHandler((request) => handler(request), {
      origin: 'http://sandbox',
      onError: (error) =>
        Response.json({ error: { code: 'SANDBOX_INTERNAL', message: (error as Error).message, details: {} } }, { status: 500, headers: { [SANDBOX_HEADER]: '1' } }),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
