import { describe, expect, it } from 'vitest';
import { createProxy } from './create-proxy.ts';
import { DEFAULT_LIMITS, toProxyConfig } from './config.ts';
import type { FetchLike, ProxyApi, ProxyLimits, ProxyLogEntry, UpstreamInit } from './types.ts';

// The upstream here is an injected fetch (the core takes it as an argument); the same
// behaviour over real HTTP is in tests/unit/proxy-http.test.ts.
const api: ProxyApi = {
  id: 'demo',
  upstream: 'https://api.example.com/base',
  allowPrivate: false,
  sandbox: false,
  operations: [
    { slug: 'chat', method: 'post', path: '/v1/chat', headers: ['x-vault-key'], credentials: ['authorization', 'x-api-key'] },
    { slug: 'get-model', method: 'get', path: '/v1/models/{id}', headers: [], credentials: ['authorization'] },
    { slug: 'health', method: 'get', path: '/health', headers: [], credentials: [] },
  ],
  authHeaders: ['authorization', 'x-api-key'],
  secretQuery: ['api_key'],
  errorShape: { envelope: 'error', fields: ['code', 'message', 'details'] },
};

function setup(limits: Partial<ProxyLimits> = {}, respond: (url: string, init: UpstreamInit) => Response | Promise<Response> = () => Response.json({ ok: true })) {
  const calls: Array<{ url: string; init: UpstreamInit; body?: Uint8Array }> = [];
  const logs: ProxyLogEntry[] = [];
  let clock = 0;
  const fetch: FetchLike = async (url, init) => {
    // Like a real upstream, read the whole body before answering.
    const body = init.body === undefined ? undefined : new Uint8Array(await new Response(init.body).arrayBuffer());
    calls.push({ url, init, body });
    return respond(url, init);
  };
  const proxy = createProxy(toProxyConfig([api], { ...DEFAULT_LIMITS, ...limits }), { fetch, log: (e) => logs.push(e), now: () => clock, randomId: () => 'req-1' });
  const call = (path: string, init: RequestInit = {}, clientId = 'c1') => proxy(new Request(`http://site${path}`, init), { rawPath: path, clientId });
  return { call, calls, logs, tick: (ms: number) => (clock += ms) };
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('createProxy', () => {
  it('forwards an operation of the spec to the upstream by concatenation', async () => {
    const { call, calls } = setup();
    const response = await call('/api/proxy/demo/v1/models/gpt%2D4?x=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(calls[0].url).toBe('https://api.example.com/base/v1/models/gpt%2D4?x=1');
  });

  it.each([
    ['/api/proxy/demo//evil.com/v1/chat', 'PROXY_FORBIDDEN_PATH'],
    ['/api/proxy/demo/v1/models/..%2f..%2fadmin', 'PROXY_FORBIDDEN_PATH'],
    ['/api/proxy/demo/v1/models/%2e%2e', 'PROXY_FORBIDDEN_PATH'],
    ['/api/proxy/demo/v1/../v1/models/x', 'PROXY_FORBIDDEN_PATH'],
    ['/api/proxy/demo/https://evil.com/v1/models/x', 'PROXY_FORBIDDEN_PATH'],
    ['/api/proxy/demo/@evil.com/v1/models/x', 'PROXY_UNKNOWN_OPERATION'],
    ['/api/proxy/demo/v1/admin', 'PROXY_UNKNOWN_OPERATION'],
    ['/api/proxy/other/v1/models/x', 'PROXY_UNKNOWN_API'],
  ])('refuses %s', async (path, code) => {
    const { call, calls } = setup();
    const response = await call(path);
    expect((await errorOf(response)).code).toBe(code);
    expect([403, 404]).toContain(response.status);
    expect(calls).toHaveLength(0);
  });

  it('refuses another method on a known path and names the allowed one', async () => {
    const { call, calls } = setup();
    const response = await call('/api/proxy/demo/v1/models/x', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toContain('allows GET');
    expect(calls).toHaveLength(0);
  });

  it('forwards auth and declared headers only, with a request id and no compression', async () => {
    const { call, calls } = setup();
    await call('/api/proxy/demo/v1/chat', {
      method: 'POST',
      body: '{"a":1}',
      headers: { authorization: 'Bearer sk-1', 'x-api-key': 'k2', 'x-vault-key': 'v', cookie: 'a=b', origin: 'https://x', referer: 'https://x/y', 'user-agent': 'ua', 'content-type': 'application/json', 'x-forwarded-host': 'evil' },
    });
    const sent = Object.fromEntries(calls[0].init.headers);
    expect(sent).toEqual({ authorization: 'Bearer sk-1', 'x-api-key': 'k2', 'x-vault-key': 'v', 'content-type': 'application/json', 'accept-encoding': 'identity', 'x-request-id': 'req-1' });
    expect(new TextDecoder().decode(calls[0].body)).toBe('{"a":1}');
  });

  it('drops cookies, hop-by-hop and decoded-encoding headers on the way back', async () => {
    const { call } = setup({}, () => new Response('{}', { headers: { 'set-cookie': 'a=b', 'content-encoding': 'gzip', 'content-length': '99', 'x-sandbox': '1', 'access-control-allow-origin': '*' } }));
    const response = await call('/api/proxy/demo/v1/models/x');
    expect([...response.headers.keys()].sort()).toEqual(['content-security-policy', 'content-type', 'x-content-type-options', 'x-request-id', 'x-sandbox']);
  });

  it('logs one redacted line per request', async () => {
    const { call, logs } = setup();
    const response = await call('/api/proxy/demo/v1/models/sk-secret-1?api_key=sk-secret-2&token=t0ken', { headers: { authorization: 'Bearer sk-secret-1' } });
    await response.text();
    expect(logs).toHaveLength(1);
    expect(JSON.stringify(logs[0])).not.toMatch(/sk-secret|t0ken/);
    expect(logs[0]).toMatchObject({ status: 200, operation: 'get-model', api: 'demo' });
  });

  it('refuses a body declared too large before calling upstream', async () => {
    const { call, calls } = setup({ maxBodyBytes: 8 });
    const response = await call('/api/proxy/demo/v1/chat', { method: 'POST', body: '0123456789', headers: { 'content-length': '10' } });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('PROXY_BODY_TOO_LARGE');
    expect(calls).toHaveLength(0);
  });

  it('cuts an undeclared body at the limit while streaming it and answers 413', async () => {
    const { call, calls } = setup({ maxBodyBytes: 8 });
    const response = await call('/api/proxy/demo/v1/chat', { method: 'POST', body: '0123456789' });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('PROXY_BODY_TOO_LARGE');
    expect(calls).toHaveLength(0);
  });

  it('refuses a malformed Content-Length in the API shape, and logs it without the key', async () => {
    const { call, calls, logs } = setup();
    const response = await call('/api/proxy/demo/v1/chat?api_key=sk-secret-q', { method: 'POST', body: '{}', headers: { 'content-length': '2, 3', authorization: 'Bearer sk-secret-h' } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('PROXY_BAD_REQUEST');
    expect(calls).toHaveLength(0);
    expect(logs[0]).toMatchObject({ status: 400, code: 'PROXY_BAD_REQUEST' });
    expect(JSON.stringify(logs)).not.toContain('sk-secret');
  });

  it('forwards only the credentials the operation itself requires', async () => {
    const { call, calls } = setup();
    const headers = { authorization: 'Bearer sk-1', 'x-api-key': 'k2' };
    await call('/api/proxy/demo/health', { headers });
    await call('/api/proxy/demo/v1/models/a', { headers });
    expect(Object.fromEntries(calls[0].init.headers)).not.toHaveProperty('authorization');
    expect(Object.fromEntries(calls[0].init.headers)).not.toHaveProperty('x-api-key');
    expect(Object.fromEntries(calls[1].init.headers)).toMatchObject({ authorization: 'Bearer sk-1' });
    expect(Object.fromEntries(calls[1].init.headers)).not.toHaveProperty('x-api-key');
  });

  it('rate-limits per client and says when to retry', async () => {
    const { call, tick } = setup({ rateLimitPerMinute: 2 });
    expect((await call('/api/proxy/demo/v1/models/a')).status).toBe(200);
    expect((await call('/api/proxy/demo/v1/models/a')).status).toBe(200);
    const limited = await call('/api/proxy/demo/v1/models/a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await call('/api/proxy/demo/v1/models/a', {}, 'c2')).status).toBe(200);
    tick(30_000);
    expect((await call('/api/proxy/demo/v1/models/a')).status).toBe(200);
  });

  it('asks a platform limiter, when given one, instead of its own bucket', async () => {
    const asked: string[] = [];
    const proxy = createProxy(toProxyConfig([api], { ...DEFAULT_LIMITS, rateLimitPerMinute: 1 }), {
      fetch: async () => Response.json({ ok: true }),
      rateLimit: async (clientId) => (asked.push(clientId), asked.length > 2 ? 10 : 0),
    });
    const call = () => proxy(new Request('http://site/api/proxy/demo/v1/models/a'), { clientId: 'c9' });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200); // the in-memory bucket (1 a minute) is not consulted
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(asked).toEqual(['c9', 'c9', 'c9']);
  });

  it('caps open streams per client until one finishes', async () => {
    const { call } = setup({ maxStreamsPerClient: 1 });
    const first = await call('/api/proxy/demo/v1/models/a');
    const second = await call('/api/proxy/demo/v1/models/a');
    expect(second.status).toBe(429);
    expect((await errorOf(second)).code).toBe('PROXY_TOO_MANY_STREAMS');
    await first.text();
    expect((await call('/api/proxy/demo/v1/models/a')).status).toBe(200);
  });

  it('rewrites redirects inside the API and refuses the others', async () => {
    let location = 'https://api.example.com/base/v1/models/b';
    const { call } = setup({}, () => new Response(null, { status: 302, headers: { location } }));
    const inside = await call('/api/proxy/demo/v1/models/a');
    expect(inside.headers.get('location')).toBe('/api/proxy/demo/v1/models/b');
    location = 'https://evil.com/base/v1/models/b';
    const outside = await call('/api/proxy/demo/v1/models/a');
    expect(outside.status).toBe(502);
    expect((await errorOf(outside)).code).toBe('PROXY_REDIRECT_REFUSED');
  });

  it('answers 502 with the reason when the upstream is unreachable', async () => {
    const { call } = setup({}, () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })));
    const response = await call('/api/proxy/demo/v1/models/a');
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: { code: 'PROXY_UPSTREAM_UNREACHABLE', message: 'The upstream of demo could not be reached.', details: { reason: 'ECONNREFUSED' } } });
  });
});
