// Every way the proxy ends a request — each refusal in its catalogue, each way a stream ends —
// with keys in the headers, the query and the path: no log line carries a key. The set of
// codes seen is checked against the catalogue, so a new refusal cannot skip this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_ERRORS, type ProxyErrorCode } from '../../src/proxy/index.ts';
import { openStream, send, sendRaw, startStack, waitFor, type Runtime, type Stack } from './proxy-harness.ts';

// What a reader's browser sends to the OAuth token route: a client secret (in the form and in
// Basic auth), a refresh token; the scripted token endpoint answers tokens marked LOGSECRET too.
const OAUTH_FORM = 'grant_type=refresh_token&client_id=reader-app&client_secret=sk-LOGSECRET-client-secret&refresh_token=sk-LOGSECRET-refresh-sent';
const OAUTH_HEADERS = { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa('reader-app:sk-LOGSECRET-basic-secret')}` };

const KEYS = { authorization: 'Bearer sk-LOGSECRET-header-1', 'x-api-key': 'sk-LOGSECRET-header-2', 'content-type': 'application/json' };
const QUERY = '?api_key=sk-LOGSECRET-query-1&token=sk-LOGSECRET-query-2&q=sk-LOGSECRET-header-2';
const IN_PATH = 'sk-LOGSECRET-header-1';

/** Refusals no request from outside can cause: checked by their own unit tests. */
const NOT_FROM_OUTSIDE: Record<Exclude<Runtime, 'workerd'>, ProxyErrorCode[]> = {
  // PROXY_INTERNAL is a bug.
  node: ['PROXY_INTERNAL'],
  // Behind the bridge, node's parser and the bridge refuse these before the Fetch core (its unit
  // test covers PROXY_BAD_REQUEST); Fetch cannot even carry TRACE.
  fetch: ['PROXY_BAD_REQUEST', 'PROXY_HEADERS_TOO_LARGE', 'PROXY_INTERNAL', 'PROXY_FORBIDDEN_METHOD'],
};

describe.each<Exclude<Runtime, 'workerd'>>(['node', 'fetch'])('no key in any log line (%s)', (runtime) => {
  let main: Stack;
  let limits: Stack;
  beforeAll(async () => {
    [main, limits] = await Promise.all([
      startStack({ idleTimeoutMs: 400, maxBodyBytes: 1024 }, { runtime }),
      startStack({ maxStreams: 2, maxStreamsPerClient: 1, rateLimitPerMinute: 3 }, { runtime }),
    ]);
  });
  afterAll(() => Promise.all([main.close(), limits.close()]));

  it('over every refusal and every way a stream ends', async () => {
    const p = (api: string, path: string): string => `/api/proxy/${api}${path}`;
    const get = (path: string, stack = main, from?: string) => send(stack.proxyUrl, 'GET', path, KEYS, undefined, from);
    await get(p('scripted', '/headers') + QUERY); // forwarded
    await get(p(IN_PATH, '/v1/models') + QUERY); // PROXY_UNKNOWN_API, the key as the API name
    await get(p('scripted', `/${IN_PATH}`) + QUERY); // PROXY_UNKNOWN_OPERATION
    await get(p('scripted', `/%2e%2e/${IN_PATH}`) + QUERY); // PROXY_FORBIDDEN_PATH
    await sendRaw(main.proxyUrl, `GET http://evil.example${p('scripted', `/${IN_PATH}`)}${QUERY} HTTP/1.1\r\nHost: evil.example\r\nAuthorization: ${KEYS.authorization}\r\nConnection: close\r\n\r\n`);
    if (runtime === 'node') {
      await send(main.proxyUrl, 'TRACE', p('scripted', `/${IN_PATH}`) + QUERY, KEYS); // PROXY_FORBIDDEN_METHOD
      const head = `POST ${p('scripted', `/${IN_PATH}`)}${QUERY} HTTP/1.1\r\nHost: x\r\nAuthorization: ${KEYS.authorization}\r\n`;
      await sendRaw(main.proxyUrl, `${head}Content-Length: 5, 6\r\n\r\nhello`); // PROXY_BAD_REQUEST, from node's parser
      await sendRaw(main.proxyUrl, `${head}X-Big: ${'b'.repeat(20_000)}\r\n\r\n`); // PROXY_HEADERS_TOO_LARGE
    }
    await send(main.proxyUrl, 'POST', p('scripted', '/echo') + QUERY, KEYS, 'x'.repeat(2000)); // PROXY_BODY_TOO_LARGE, declared
    await send(main.proxyUrl, 'POST', p('scripted', '/echo') + QUERY, { ...KEYS, 'transfer-encoding': 'chunked' }, 'x'.repeat(2000)); // …streamed
    const oauth = (route: string, url: string, method = 'POST') =>
      send(main.proxyUrl, method, `${p('authz', `/.oauth/${route}`)}?url=${encodeURIComponent(url)}`, OAUTH_HEADERS, method === 'POST' ? OAUTH_FORM : undefined);
    const tokenUrl = `${main.upstreamUrl}/oauth/token`;
    const granted = await oauth('token', tokenUrl); // forwarded to the declared token URL
    expect(granted.status).toBe(200);
    expect(granted.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(granted.text)).toMatchObject({ access_token: expect.stringContaining('LOGSECRET') });
    expect(main.upstream.received).toContainEqual({ url: '/oauth/token', bytes: OAUTH_FORM.length });
    // PROXY_OAUTH_URL_REFUSED: a URL the spec does not declare (secrets in its query too), a GET.
    await oauth('token', `https://evil.example/token?client_secret=sk-LOGSECRET-in-url&refresh_token=sk-LOGSECRET-in-url-2`);
    await oauth('token', tokenUrl, 'GET');
    await oauth('discovery', `${main.upstreamUrl}/.well-known/openid-configuration`, 'GET'); // PROXY_OAUTH_DISCOVERY_FAILED (404 there)
    await get(p('scripted', '/redirect-out')); // PROXY_REDIRECT_REFUSED
    await get(p('dead', '/headers') + QUERY); // PROXY_UPSTREAM_UNREACHABLE
    await get(p('scripted', '/slow')); // PROXY_UPSTREAM_TIMEOUT
    const gone = openStream(main.proxyUrl, p('scripted', '/slow'), KEYS); // PROXY_CLIENT_CLOSED
    await new Promise((resolve) => setTimeout(resolve, 100));
    gone.abort();
    const stalled = openStream(main.proxyUrl, p('scripted', '/stall'), KEYS); // idle-timeout mid-body
    await stalled.done.catch(() => {});
    const left = openStream(main.proxyUrl, p('scripted', '/stream'), KEYS); // client-aborted mid-body
    await left.firstChunk;
    left.abort();
    await waitFor(() => main.logs.some((line) => line.includes('PROXY_CLIENT_CLOSED')) && main.logs.some((line) => line.includes('client-aborted')));

    // Per-client limits: 127.0.0.2 holds its one stream, 127.0.0.3 the last global one.
    const held = openStream(limits.proxyUrl, p('scripted', '/stream'), KEYS, '127.0.0.2');
    await held.firstChunk;
    await get(p('scripted', `/headers`) + QUERY, limits, '127.0.0.2'); // PROXY_TOO_MANY_STREAMS
    const other = openStream(limits.proxyUrl, p('scripted', '/stream'), KEYS, '127.0.0.3');
    await other.firstChunk;
    await get(p('scripted', `/headers`) + QUERY, limits, '127.0.0.4'); // PROXY_BUSY
    await get(p(IN_PATH, `/${IN_PATH}`) + QUERY, limits, '127.0.0.2'); // 3rd from .2: PROXY_UNKNOWN_API
    await get(p(IN_PATH, `/${IN_PATH}`) + QUERY, limits, '127.0.0.2'); // PROXY_RATE_LIMITED
    held.abort();
    other.abort();
    await waitFor(() => limits.logs.filter((line) => line.includes('client-aborted')).length === 2);

    const lines = [...main.logs, ...limits.logs];
    for (const line of lines) expect(line).not.toMatch(/LOGSECRET/);
    const seen = new Set(lines.map((line) => /\b(PROXY_[A-Z_]+)\b/.exec(line)?.[1]).filter(Boolean));
    const expected = (Object.keys(PROXY_ERRORS) as ProxyErrorCode[]).filter((code) => !NOT_FROM_OUTSIDE[runtime].includes(code));
    expect([...seen].sort()).toEqual(expected.sort());
    for (const outcome of ['idle-timeout', 'client-aborted']) expect(lines.some((line) => line.endsWith(outcome))).toBe(true);
    expect(lines.join('\n')).toContain('[REDACTED]');
  });
});
