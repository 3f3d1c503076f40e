// The proxy over real HTTP on 127.0.0.1: front handler → proxy core → undici → sandbox or a
// scripted upstream, and the Worker in local workerd (the same core → workerd's fetch → its own
// sandbox or the scripted upstream). Nothing is mocked in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { openStream, send, sendRaw, startStack, waitFor, type Runtime, type Stack } from './proxy-harness.ts';

const AUTH = { authorization: 'Bearer sk-test-SECRET-1234', 'content-type': 'application/json' };
const errorCode = (text: string): string => (JSON.parse(text) as { error: { code: string } }).error.code;

// Every behaviour holds for every way the core is served: the node:http handler (`npm start`),
// the Fetch core behind the Node ↔ Fetch bridge (`astro dev`) and the Worker in workerd
// (`npm run start:edge`). Where workerd differs, the test says how.
const RUNTIMES: Runtime[] = ['node', 'fetch', 'workerd'];

// A stream whose upstream keeps sending. workerd notices a browser that went away when it next
// writes to it; Node as soon as the socket closes, so a silent stream shows it there.
const liveStream = (runtime: Runtime): string => (runtime === 'workerd' ? '/ticks' : '/stream');

describe.each<Runtime>(RUNTIMES)('proxy over HTTP (%s): refusals', (runtime) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({}, { runtime });
  });
  afterAll(() => stack.close());

  // workerd resolves literal dot segments before the Worker runs: what reaches the proxy is
  // another path (here under another API id), refused as unknown. Encoded ones arrive as sent.
  const resolved = runtime === 'workerd';
  it.each([
    ['absolute URL in the path', 'GET', '/api/proxy/melious/https://evil.example/v1/models', 403, 'PROXY_FORBIDDEN_PATH'],
    ['//host', 'GET', '/api/proxy/melious//evil.example/v1/models', 403, 'PROXY_FORBIDDEN_PATH'],
    ['@host', 'GET', '/api/proxy/melious/@evil.example/v1/models', 404, 'PROXY_UNKNOWN_OPERATION'],
    ['dot segments', 'GET', '/api/proxy/melious/v1/models/../../../etc/passwd', resolved ? 404 : 403, resolved ? 'PROXY_UNKNOWN_API' : 'PROXY_FORBIDDEN_PATH'],
    ['encoded dot segments', 'GET', '/api/proxy/melious/v1/%2e%2e/%2E%2E/admin', 403, 'PROXY_FORBIDDEN_PATH'],
    ['encoded slashes', 'GET', '/api/proxy/melious/v1/models/..%2f..%2fadmin', 403, 'PROXY_FORBIDDEN_PATH'],
    ['encoded backslash', 'GET', '/api/proxy/melious/v1/models/a%5c..%5cb', 403, 'PROXY_FORBIDDEN_PATH'],
    ['a path not in the spec', 'GET', '/api/proxy/melious/v1/admin/users', 404, 'PROXY_UNKNOWN_OPERATION'],
    ['another method on a spec path', 'PUT', '/api/proxy/melious/v1/models', 404, 'PROXY_UNKNOWN_OPERATION'],
    ['an unknown API', 'GET', '/api/proxy/nope/v1/models', 404, 'PROXY_UNKNOWN_API'],
  ])('refuses %s', async (_name, method, path, status, code) => {
    const before = stack.sandboxHits.length;
    const response = await send(stack.proxyUrl, method, path, AUTH);
    expect(response.status).toBe(status);
    expect(errorCode(response.text)).toBe(code);
    expect(await stack.logFor(String(response.headers['x-request-id']))).toContain(code);
    expect(stack.sandboxHits.length).toBe(before);
  });

  it.skipIf(runtime === 'fetch')('refuses TRACE in the API error shape (Fetch cannot even represent it)', async () => {
    const response = await send(stack.proxyUrl, 'TRACE', '/api/proxy/melancholy/v1/models', AUTH);
    expect(response.status).toBe(403);
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'PROXY_FORBIDDEN_METHOD', type: 'proxy_error' } });
  });

  it('refuses absolute-form request targets', async () => {
    const before = stack.sandboxHits.length;
    const logged = stack.logs.length;
    const raw = await sendRaw(stack.proxyUrl, 'GET http://evil.example/api/proxy/melious/v1/models HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
    if (runtime === 'workerd') {
      // workerd refuses a target naming another host itself, before the Worker runs.
      expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 500 Internal Server Error');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stack.logs.slice(logged).filter((line) => line.includes('evil.example'))).toEqual([]);
    } else {
      expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
      expect(raw).toContain('PROXY_FORBIDDEN_PATH');
    }
    expect(stack.sandboxHits.length).toBe(before);
  });

  it('ignores Host and forwarding headers: the upstream stays the configured one', async () => {
    const response = await send(stack.proxyUrl, 'GET', '/api/proxy/melious/v1/models', { ...AUTH, host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' });
    expect(response.status).toBe(200);
    expect(response.headers['x-sandbox']).toBe('1');
    await stack.logFor(String(response.headers['x-request-id']));
    expect(stack.sandboxHits.at(-1)).toBe('/melious/v1/models');
  });

  it('answers in the API error shape', async () => {
    const response = await send(stack.proxyUrl, 'GET', '/api/proxy/melancholy/v1/nothing', AUTH);
    expect(JSON.parse(response.text)).toEqual({
      error: { code: 'PROXY_UNKNOWN_OPERATION', message: 'GET /v1/nothing is not an operation of melancholy.', type: 'proxy_error', details: { method: 'GET', path: '/v1/nothing', allowed: [] } },
    });
  });

  it('refuses redirects to other hosts and rewrites redirects inside the API', async () => {
    const out = await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/redirect-out', AUTH);
    expect(out.status).toBe(502);
    expect(errorCode(out.text)).toBe('PROXY_REDIRECT_REFUSED');
    const inside = await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/redirect-in', AUTH);
    expect(inside.status).toBe(307);
    expect(inside.headers.location).toBe('/api/proxy/scripted/headers');
  });
});

describe.each<Runtime>(RUNTIMES)('proxy over HTTP (%s): headers and logs', (runtime) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({}, { runtime });
  });
  afterAll(() => stack.close());

  it('forwards auth and content headers, strips cookies, Origin, Referer and browser leaks, adds a request id', async () => {
    const response = await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/headers', {
      ...AUTH, 'x-api-key': 'sk-key-2', cookie: 'session=s3cr3t', origin: 'http://127.0.0.1:4321', referer: 'http://127.0.0.1:4321/reference',
      'user-agent': 'Mozilla/5.0', 'sec-fetch-site': 'same-origin', 'sec-ch-ua': '"Chromium"', 'x-forwarded-for': '10.0.0.1', accept: 'application/json',
      'accept-encoding': 'gzip, br',
    });
    expect(response.status).toBe(200);
    const seen = JSON.parse(response.text) as Record<string, string>;
    expect(seen.authorization).toBe(AUTH.authorization);
    expect(seen['x-api-key']).toBe('sk-key-2');
    expect(seen.accept).toBe('application/json');
    expect(seen['accept-encoding']).toBe('identity');
    for (const leaked of ['cookie', 'origin', 'referer', 'sec-fetch-site', 'sec-ch-ua', 'x-forwarded-for']) expect(seen).not.toHaveProperty(leaked);
    expect(seen['user-agent'] ?? '').not.toContain('Mozilla');
    expect(seen['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-request-id']).toBe(seen['x-request-id']);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps keys out of every log line', async () => {
    await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/headers?api_key=sk-query-SECRET', { ...AUTH, 'x-api-key': 'sk-key-SECRET-2' });
    await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/sk-test-SECRET-1234', AUTH);
    const last = await send(stack.proxyUrl, 'POST', '/api/proxy/melious/v1/chat/completions', AUTH, '{"model":"m","messages":[{"role":"user","content":"hi"}]}');
    await stack.logFor(String(last.headers['x-request-id']));
    expect(stack.logs.length).toBeGreaterThanOrEqual(3);
    const all = stack.logs.join('\n');
    expect(all).not.toContain('SECRET');
    expect(all).toContain('[REDACTED]');
    expect(all).toMatch(/melious create-chat-completion POST \/v1\/chat\/completions 200/);
  });

  it('delivers a gzip upstream body the browser can read', async () => {
    const response = await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/gzip', AUTH);
    if (runtime === 'node') {
      // Passed through as sent, with the encoding that describes it.
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(response.raw).toString('utf8'))).toEqual({ zipped: true });
    } else {
      // Fetch decodes it, so the encoding headers go (workerd may compress again for a client that
      // accepts it, as here; `text` is what a browser reads).
      if (runtime === 'fetch') expect(response.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(response.text)).toEqual({ zipped: true });
    }
  });

  it('gives the same answer as the sandbox called directly (differential)', async () => {
    const body = '{"model":"glm-4.7","messages":[{"role":"user","content":"hi"}],"stream":true}';
    const direct = await send(stack.sandboxUrl, 'POST', '/melious/v1/chat/completions', AUTH, body);
    const proxied = await send(stack.proxyUrl, 'POST', '/api/proxy/melious/v1/chat/completions', AUTH, body);
    expect(proxied.status).toBe(direct.status);
    expect(proxied.text).toBe(direct.text);
    const added = ['content-security-policy', 'x-content-type-options'];
    const strip = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => ![...added, 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-request-id', 'content-length'].includes(k)));
    expect(strip(proxied.headers)).toEqual(strip(direct.headers));
    for (const name of added) expect(proxied.headers).toHaveProperty(name);
  });
});

describe.each<Runtime>(RUNTIMES)('proxy over HTTP (%s): streams', (runtime) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ idleTimeoutMs: 400 }, { runtime });
  });
  afterAll(() => stack.close());

  it('delivers the first event before the upstream has finished', async () => {
    const started = performance.now();
    const { firstChunk, done } = openStream(stack.proxyUrl, '/api/proxy/scripted/stream');
    const first = await firstChunk;
    const firstAt = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
    const releasedAt = performance.now() - started;
    stack.releaseStream();
    const all = await done;
    expect(first).toBe('data: {"n":1}\n\n');
    expect(all).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
    // The gap: the first event was in the browser's hands at least 200 ms before the upstream ended.
    expect(releasedAt - firstAt).toBeGreaterThan(200);
  });

  it('closes the upstream connection when the browser goes away', async () => {
    const { firstChunk, abort } = openStream(stack.proxyUrl, `/api/proxy/scripted${liveStream(runtime)}`);
    await firstChunk;
    const before = stack.upstream.closedEarly.length;
    abort();
    await waitFor(() => stack.upstream.closedEarly.length > before);
    expect(stack.upstream.closedEarly.at(-1)).toBe(liveStream(runtime));
  });

  it('answers 504 when the upstream is silent past the idle timeout', async () => {
    const response = await send(stack.proxyUrl, 'GET', '/api/proxy/scripted/slow', AUTH);
    expect(response.status).toBe(504);
    expect(errorCode(response.text)).toBe('PROXY_UPSTREAM_TIMEOUT');
  });

  it('cuts a body that goes silent mid-stream and closes the upstream', async () => {
    const before = stack.upstream.closedEarly.length;
    const { firstChunk, done } = openStream(stack.proxyUrl, '/api/proxy/scripted/stall');
    expect(await firstChunk).toBe('first chunk, then silence');
    // Node resets the connection; workerd ends the chunked body as if complete (only the log says it was cut).
    if (runtime === 'workerd') expect(await done).toBe('first chunk, then silence');
    else await expect(done).rejects.toThrow();
    await waitFor(() => stack.upstream.closedEarly.length > before);
    await waitFor(() => stack.logs.some((line) => line.includes('get-stall') && line.endsWith('idle-timeout')));
  });
});

describe.each<Runtime>(['node', 'workerd'])('proxy over HTTP (%s): limits', (runtime) => {
  it('refuses oversized bodies, declared or chunked: none reaches the upstream whole', async () => {
    const stack = await startStack({ maxBodyBytes: 1024 }, { runtime });
    try {
      const big = 'x'.repeat(5000);
      const declared = await send(stack.proxyUrl, 'POST', '/api/proxy/scripted/echo', AUTH, big);
      expect(declared.status).toBe(413);
      expect(errorCode(declared.text)).toBe('PROXY_BODY_TOO_LARGE');
      const chunked = await send(stack.proxyUrl, 'POST', '/api/proxy/scripted/echo', { ...AUTH, 'transfer-encoding': 'chunked' }, big);
      expect(chunked.status).toBe(413);
      await stack.logFor(String(chunked.headers['x-request-id']));
      const fits = await send(stack.proxyUrl, 'POST', '/api/proxy/scripted/echo', AUTH, 'x'.repeat(1000));
      expect(JSON.parse(fits.text)).toEqual({ bytes: 1000 });
      // The Fetch core streams bodies: a chunked one may start upstream before it is too large,
      // and is then cut. No runtime lets an oversized body reach the upstream whole.
      expect(stack.upstream.received.filter((r) => r.url === '/echo')).toEqual([{ url: '/echo', bytes: 1000 }]);
      if (runtime === 'node') expect(stack.upstream.requests.filter((r) => r.url === '/echo')).toHaveLength(1);
    } finally {
      await stack.close();
    }
  });

  it('rate-limits a flood from one client', async () => {
    const stack = await startStack({ rateLimitPerMinute: 5 }, { runtime });
    try {
      const statuses = await Promise.all(Array.from({ length: 8 }, () => send(stack.proxyUrl, 'GET', '/api/proxy/melious/v1/models', AUTH)));
      expect(statuses.filter((r) => r.status === 200)).toHaveLength(5);
      const limited = statuses.filter((r) => r.status === 429);
      expect(limited).toHaveLength(3);
      expect(errorCode(limited[0].text)).toBe('PROXY_RATE_LIMITED');
      expect(Number(limited[0].headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await stack.close();
    }
  });

  it('caps concurrent streams per client', async () => {
    const stack = await startStack({ maxStreamsPerClient: 2 }, { runtime });
    try {
      const open = [openStream(stack.proxyUrl, `/api/proxy/scripted${liveStream(runtime)}`), openStream(stack.proxyUrl, `/api/proxy/scripted${liveStream(runtime)}`)];
      await Promise.all(open.map((s) => s.firstChunk));
      const third = await send(stack.proxyUrl, 'GET', '/api/proxy/melious/v1/models', AUTH);
      expect(third.status).toBe(429);
      expect(errorCode(third.text)).toBe('PROXY_TOO_MANY_STREAMS');
      for (const s of open) s.abort();
      await waitFor(async () => (await send(stack.proxyUrl, 'GET', '/api/proxy/melious/v1/models', AUTH)).status === 200);
    } finally {
      await stack.close();
    }
  });
});
