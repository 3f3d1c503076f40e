// Binds the sandbox's Fetch handler to a loopback port with node:http. Streams responses
// chunk by chunk and cancels them when the client goes away.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_HEADER } from '../request/index.ts';
import type { SandboxHandler } from './create-sandbox.ts';

export interface ServedSandbox {
  /** `http://127.0.0.1:4010`; an API lives at `<url>/<api id>`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveSandbox(handler: SandboxHandler, { host = '127.0.0.1', port = 0 } = {}): Promise<ServedSandbox> {
  const server = createServer((req, res) => {
    handle(handler, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json', [SANDBOX_HEADER]: '1' });
      res.end(JSON.stringify({ error: { code: 'SANDBOX_INTERNAL', message: (error as Error).message, details: {} } }));
    });
  });
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

async function handle(handler: SandboxHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody ? await collect(req) : undefined;
  const request = new Request(`http://sandbox${req.url ?? '/'}`, { method: req.method, headers, body, signal: controller.signal });
  const response = await handler(request);
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  res.writeHead(response.status, out);
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => reader.cancel().catch(() => {}));
  for (;;) {
    const { value, done } = await reader.read();
    if (done || res.destroyed) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

async function collect(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;
}
