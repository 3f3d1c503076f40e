import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEmbedCors } from './embed-cors.node.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(withEmbedCors((req, res) => {
    res.writeHead(req.url === '/embed/missing.json' ? 404 : 200, { 'content-type': 'text/plain' });
    res.end(`site ${req.url}`);
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('withEmbedCors', () => {
  it('lets any origin read /embed/ files, found or not', async () => {
    for (const [path, status] of [['/embed/snippets.js', 200], ['/embed/missing.json', 404]] as const) {
      const response = await fetch(base + path, { headers: { origin: 'http://other.test' } });
      expect(response.status).toBe(status);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(await response.text()).toBe(`site ${path}`);
    }
  });

  it('answers a preflight without reaching the site', async () => {
    const response = await fetch(`${base}/embed/s/a/b.json`, { method: 'OPTIONS', headers: { origin: 'http://other.test', 'access-control-request-method': 'GET' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('leaves every other path alone', async () => {
    const response = await fetch(`${base}/reference/`, { headers: { origin: 'http://other.test' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.text()).toBe('site /reference/');
  });
});
