// The Node ↔ Fetch bridge over real HTTP on 127.0.0.1.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from './index.node.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  server = createServer(toNodeHandler(handler, { origin: 'http://test', onError: (error) => Response.json({ failed: (error as Error).name }, { status: 500 }) }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeHandler', () => {
  it('streams a request body in and a response body out', async () => {
    const base = await serve(async (request) => new Response(`${request.method} ${new URL(request.url).pathname} ${await request.text()}`, { headers: { 'x-a': '1' } }));
    const response = await fetch(`${base}/a/b?q=1`, { method: 'POST', body: 'hello' });
    expect(await response.text()).toBe('POST /a/b hello');
    expect(response.headers.get('x-a')).toBe('1');
  });

  it('answers a handler that throws with onError, and one that never reads the body without reading it', async () => {
    const base = await serve(async (request) => {
      if (request.headers.get('x-throw')) throw new TypeError('boom');
      return new Response('refused', { status: 413 });
    });
    expect((await fetch(base, { headers: { 'x-throw': '1' } })).status).toBe(500);
    // A body declared huge and never sent: the answer comes at once, and the connection closes.
    const { status, headers } = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const { port } = new URL(base);
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-length': '20000000' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
      req.on('error', reject);
      req.write('x');
    });
    expect(status).toBe(413);
    expect(headers.connection).toBe('close');
  });

  it('cancels the response body when the client goes away', async () => {
    let cancelled = false;
    const base = await serve(async () => new Response(new ReadableStream({ pull: (c) => c.enqueue(new TextEncoder().encode('tick\n')), cancel: () => void (cancelled = true) }, { highWaterMark: 0 })));
    const controller = new AbortController();
    const response = await fetch(base, { signal: controller.signal });
    await response.body!.getReader().read();
    controller.abort();
    for (let i = 0; i < 100 && !cancelled; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cancelled).toBe(true);
  });
});
