// The Worker as `npm run build` makes it, run in local workerd: the built site from its
// assets, the sandbox at /sandbox, the README's variables read from its env, and what it
// refuses (private upstreams by name or address). Needs `dist/client` (npm test builds first).
import Anthropic from '@anthropic-ai/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker, startLocalWorker, type LocalWorker } from '../../src/edge/index.node.ts';
import { loadSpecApis } from './proxy-harness.ts';

const built = existsSync('dist/client/index.html') && existsSync('dist/client/ai/mcp-data.json');
const AUTH = { authorization: 'Bearer sk-test', 'content-type': 'application/json' };

describe.skipIf(!built)('the built Worker in workerd', () => {
  let configPath: string;
  let worker: LocalWorker;
  const output: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-site-'));
    ({ configPath } = await buildWorker({ apis: await loadSpecApis(), outDir: dir, assetsDir: join(process.cwd(), 'dist/client') }));
    // A real-looking name that spells a loopback address: public DNS would send it to 127.0.0.1.
    worker = await startLocalWorker({ configPath, vars: { API_BASE_URL_MELANCHOLY: 'http://127.0.0.1.nip.io:9' }, onOutput: (line) => output.push(line) });
  });
  afterAll(() => worker?.close());

  it('serves a page of the built site from its assets', async () => {
    const response = await fetch(`${worker.url}/reference/melious/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<title>');
  });

  // Other sites load it as a module script and fetch its JSON: simple CORS requests, no preflight.
  it('serves /embed/snippets.js to other origins (CORS from the build\'s _headers)', async () => {
    const script = await fetch(`${worker.url}/embed/snippets.js`, { headers: { origin: 'https://blog.example' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await script.text()).toBe(readFileSync('dist/client/embed/snippets.js', 'utf8'));
  });

  it('answers an unknown page with the site 404 page', async () => {
    const response = await fetch(`${worker.url}/no/such/page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('sends a message through the proxy to its sandbox with the real Anthropic SDK', async () => {
    const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: `${worker.url}/api/proxy/melious`, maxRetries: 0 });
    const message = await client.messages.create({ model: 'glm-4.7', max_tokens: 64, messages: [{ role: 'user', content: 'Name a Hanseatic city.' }] });
    expect(message.type).toBe('message');
    expect(message.role).toBe('assistant');
    expect(message.content[0]?.type).toBe('text');
  });

  it('answers directly at /sandbox/<api>, as the Node sandbox does at its port', async () => {
    const response = await fetch(`${worker.url}/sandbox/melious/v1/models`, { headers: AUTH });
    expect(response.headers.get('x-sandbox')).toBe('1');
    expect(await response.json()).toMatchObject({ object: 'list' });
  });

  it('refuses an upstream whose name spells a private address, before connecting', async () => {
    const response = await fetch(`${worker.url}/api/proxy/melancholy/v1/chat/completions/`, { method: 'POST', headers: AUTH, body: '{"model":"m","messages":[{"role":"user","content":"hi"}]}' });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { code: string; details: { reason: string } } };
    expect(body.error.code).toBe('PROXY_UPSTREAM_UNREACHABLE');
    expect(body.error.details.reason).toBe('EPRIVATEADDRESS');
  });

  it('answers MCP tools/list, and calls an operation through its proxy to its sandbox', async () => {
    const client = new Client({ name: 'edge-worker-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${worker.url}/mcp`), { requestInit: { headers: { authorization: 'Bearer sk-mcp-edge' } } }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['call_operation', 'describe_operation', 'get_page', 'list_operations', 'search_docs']);
      const called = (await client.callTool({ name: 'call_operation', arguments: { api: 'melious', operationId: 'createChatCompletion', body: { model: 'glm-4.7', messages: [{ role: 'user', content: 'Hi' }] } } })) as CallToolResult;
      expect(called.isError).toBeFalsy();
      expect(called.structuredContent).toMatchObject({ status: 200, sandbox: true });
      // Twins' Markdown is not in the bundled data: the Worker reads it from its assets.
      const textOf = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
      const page = (await client.callTool({ name: 'get_page', arguments: { url: '/start/quickstart/' } })) as CallToolResult;
      expect(page.isError).toBeFalsy();
      expect(textOf(page)).toMatch(/^# Quickstart\n/);
      const described = (await client.callTool({ name: 'describe_operation', arguments: { api: 'melious', operationId: 'createChatCompletion' } })) as CallToolResult;
      expect(textOf(described)).toContain('`POST /v1/chat/completions`');
      const found = (await client.callTool({ name: 'search_docs', arguments: { query: 'stream chat completion' } })) as CallToolResult;
      expect(found.isError).toBeFalsy();
      expect(textOf(found)).toMatch(/stream/i);
    } finally {
      await client.close();
    }
  });

  it('says where each API goes, once', () => {
    expect(output).toContain('melious: sandbox at /sandbox/melious (set API_BASE_URL_MELIOUS for the real API)');
    expect(output).toContain('melancholy: real upstream http://127.0.0.1.nip.io:9');
    expect(output.filter((line) => line.startsWith('melious: '))).toHaveLength(1);
  });

  describe('with the platform rate limiter', () => {
    let limited: LocalWorker;
    beforeAll(async () => {
      // The wrangler config as a deployment would extend it (worker.config.json): a `ratelimits` binding.
      const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
      const withLimiter = configPath.replace(/wrangler\.json$/, 'wrangler.ratelimit.json');
      writeFileSync(withLimiter, JSON.stringify({ ...config, ratelimits: [{ name: 'PROXY_RATE_LIMITER', namespace_id: '1001', simple: { limit: 3, period: 60 } }] }));
      limited = await startLocalWorker({ configPath: withLimiter, onOutput: () => {} });
    });
    afterAll(() => limited?.close());

    it('counts through the binding, not the per-isolate bucket (120 a minute by default)', async () => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${limited.url}/api/proxy/melious/v1/models`, { headers: AUTH });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
        await response.body?.cancel();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(retryAfter).toBe('10');
    });
  });

  describe('misconfigured', () => {
    let wrong: LocalWorker;
    beforeAll(async () => {
      wrong = await startLocalWorker({ configPath, vars: { API_BASE_URL_MELIOUS: 'http://[::ffff:a00:5]:8080' }, onOutput: () => {} });
    });
    afterAll(() => wrong?.close());

    it('names the variable on every dynamic route and still serves the site', async () => {
      const proxied = await fetch(`${wrong.url}/api/proxy/melious/v1/models`, { headers: AUTH });
      expect(proxied.status).toBe(500);
      expect(await proxied.json()).toEqual({
        error: { code: 'EDGE_CONFIG_ERROR', message: 'melious: API_BASE_URL_MELIOUS points at the private address [::ffff:a00:5]; set API_ALLOW_PRIVATE_MELIOUS=1 to allow it.', details: {} },
      });
      expect((await fetch(`${wrong.url}/reference/melious/`)).status).toBe(200);
    });
  });
});
