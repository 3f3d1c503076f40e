import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from './send.ts';

// A real HTTP server on loopback: streams, binary bodies and a connection dropped mid-body.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'x-sandbox': '1' });
      res.write('data: {"a":1}\n\n');
      setTimeout(() => res.end('data: [DONE]\n\n'), 30);
    } else if (req.url === '/cut') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"a":1}\n\n');
      setTimeout(() => res.destroy(), 30);
    } else if (req.url === '/audio') {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.end(Buffer.from([1, 2, 3, 4]));
    } else if (req.url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('x');
    } else {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"Invalid API key"}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const deps = { fetch: (r: Request) => fetch(r), now: () => performance.now() };

describe('sendRequest', () => {
  it('reports the head before the body, and text pieces as they come', async () => {
    const seen: string[] = [];
    const outcome = await sendRequest(new Request(`${base}/stream`), deps, {
      onHead: (h) => seen.push(`head ${h.status} ${h.sandbox}`),
      onText: (t) => seen.push(t),
    });
    expect(seen).toEqual(['head 200 true', 'data: {"a":1}\n\n', 'data: [DONE]\n\n']);
    expect(outcome).toMatchObject({ ending: 'complete', bytes: 29, body: { kind: 'text', text: 'data: {"a":1}\n\ndata: [DONE]\n\n' } });
    expect(outcome.totalMs).toBeGreaterThanOrEqual(outcome.head!.ttfbMs);
  });

  it('tells a dropped connection from a finished body', async () => {
    const outcome = await sendRequest(new Request(`${base}/cut`), deps);
    expect(outcome.ending).toBe('cut');
    expect(outcome.body).toEqual({ kind: 'text', text: 'data: {"a":1}\n\n' });
  });

  it('keeps binary bodies as a Blob and error bodies as text', async () => {
    const audio = await sendRequest(new Request(`${base}/audio`), deps);
    expect(audio.body?.kind).toBe('binary');
    expect(audio.body?.kind === 'binary' && (await audio.body.blob.arrayBuffer()).byteLength).toBe(4);
    const denied = await sendRequest(new Request(`${base}/x`), deps);
    expect(denied).toMatchObject({ head: { status: 401, sandbox: false }, ending: 'complete' });
  });

  it('ends as aborted when cancelled mid-body', async () => {
    const controller = new AbortController();
    const outcome = await sendRequest(new Request(`${base}/slow`, { signal: controller.signal }), deps, { onText: () => controller.abort() });
    expect(outcome.ending).toBe('aborted');
  });
});
