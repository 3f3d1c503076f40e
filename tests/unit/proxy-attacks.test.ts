// The findings of the held-out attack on the proxy (issue 12), each reproduced over real HTTP
// on 127.0.0.1, for both ways the core is served. Every test here failed on the code before.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, sendPartial, startStack, type Runtime, type Stack } from './proxy-harness.ts';

const AUTH = { authorization: 'Bearer sk-test-SECRET-1234', 'x-api-key': 'sk-key-SECRET-5678', 'content-type': 'application/json' };
const codeOf = (text: string): string => (JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { error: { code: string } }).error.code;

describe.each<Runtime>(['node', 'fetch'])('proxy attacks (%s)', (runtime) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ maxBodyBytes: 1024 * 1024 }, { runtime });
  });
  afterAll(() => stack.close());

  describe('a proxied response is never active content on our origin', () => {
    it.each([
      ['text/html', '/html'],
      ['no content type', '/untyped'],
      ['SVG', '/svg'],
    ])('%s: sandboxed, not sniffed, downloaded rather than rendered', async (_name, path) => {
      const response = await send(stack.proxyUrl, 'GET', `/api/proxy/scripted${path}`, AUTH);
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe('attachment');
      expect(response.headers['content-type']).not.toBe('');
      expect(response.text).toContain('<script>');
    });

    it('keeps passive types inline, so the console shows JSON and images as before', async () => {
      for (const path of ['/image', '/headers']) {
        const response = await send(stack.proxyUrl, 'GET', `/api/proxy/scripted${path}`, AUTH);
        expect(response.status).toBe(200);
        expect(response.headers['content-disposition']).toBeUndefined();
        expect(response.headers['content-security-policy']).toContain('sandbox');
      }
    });
  });

  it('forwards no credentials to an operation with security: []', async () => {
    const response = await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/public', AUTH);
    const seen = JSON.parse(response.text) as Record<string, string>;
    expect(seen).not.toHaveProperty('authorization');
    expect(seen).not.toHaveProperty('x-api-key');
    expect(seen['content-type']).toBe('application/json');
  });

  describe('refuses before reading a byte of the body', () => {
    it('answers 413 at once to Content-Length: 20000000 with no body sent', async () => {
      const { text, closed } = await sendPartial(stack.proxyUrl, 'POST /api/proxy/scripted/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n');
      expect(text.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
      expect(codeOf(text)).toBe('PROXY_BODY_TOO_LARGE');
      // The rest of the announced body is never read: the connection closes after the answer.
      expect(closed).toBe(true);
      expect(stack.upstream.requests.filter((r) => r.url === '/echo')).toHaveLength(0);
    });

    it.each([
      ['an unknown API', '/api/proxy/nope/v1/chat', 'PROXY_UNKNOWN_API'],
      ['a path of no operation', '/api/proxy/scripted/nothing', 'PROXY_UNKNOWN_OPERATION'],
      ['a forbidden path', '/api/proxy/scripted/%2e%2e/echo', 'PROXY_FORBIDDEN_PATH'],
    ])('answers a 10 MiB POST to %s before its body is sent', async (_name, path, code) => {
      const head = `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`;
      const { text, closed } = await sendPartial(stack.proxyUrl, Buffer.concat([Buffer.from(head), Buffer.alloc(1000, 120)]));
      expect(codeOf(text)).toBe(code);
      expect(closed).toBe(true);
    });

    it('answers a chunked POST to an unknown API before its body ends', async () => {
      const { text } = await sendPartial(stack.proxyUrl, 'POST /api/proxy/nope/v1/chat HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n');
      expect(codeOf(text)).toBe('PROXY_UNKNOWN_API');
    });
  });

  it('pipes the request body: the upstream sees the first bytes while the client is still sending', async () => {
    const { hostname, port } = new URL(stack.proxyUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: hostname, port, method: 'POST', path: '/api/proxy/scripted/first-chunk', headers: { ...AUTH, 'transfer-encoding': 'chunked' } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve(text));
      });
      req.on('error', () => {});
      req.write('{"part":1');
      // The rest never comes until the answer is in: a buffering proxy would wait forever.
      setTimeout(() => reject(new Error('no answer while the body was still open')), 5000).unref();
    });
    expect(JSON.parse(answer)).toEqual({ first: '{"part":1' });
  });

  it.skipIf(runtime === 'fetch')('answers what node\'s HTTP parser refuses from the same catalogue, in the API error shape', async () => {
    const bad = await sendPartial(stack.proxyUrl, 'POST /api/proxy/melancholy/v1/chat/completions/ HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\nhello');
    expect(bad.text.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(bad.text.slice(bad.text.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'PROXY_BAD_REQUEST', type: 'proxy_error' } });
    const big = await sendPartial(stack.proxyUrl, `GET /api/proxy/melious/v1/models HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`);
    expect(big.text.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(codeOf(big.text)).toBe('PROXY_HEADERS_TOO_LARGE');
  });

  it('reaches an operation whose spec path has non-ASCII characters', async () => {
    const response = await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/caf%C3%A9/na%C3%AFve', AUTH);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ path: '/café/naïve' });
  });
});
