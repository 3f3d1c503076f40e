// The MCP server as a reader's assistant meets it: `node src/server/start.node.ts` as a real
// process, the official MCP SDK Client over Streamable HTTP, and the sandbox upstream behind the
// same proxy core as the try-it console. Also: every link of /llms.txt answers with Markdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const built = existsSync('dist/server/entry.mjs') && existsSync('dist/client/ai/mcp-data.json');
const KEY = 'sk-mcp-test-4c1d';

describe.skipIf(!built)('MCP server of npm start', () => {
  const port = 4486;
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let out = '';
  let client: Client;

  beforeAll(async () => {
    child = spawn(process.execPath, ['src/server/start.node.ts'], { env: { ...process.env, PORT: String(port), SANDBOX_PORT: String(port + 1) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.includes('MCP server on'), 30_000);
    client = new Client({ name: 'mcp-server-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${origin}/mcp`), { requestInit: { headers: { authorization: `Bearer ${KEY}` } } }));
  });

  afterAll(async () => {
    await client?.close();
    child?.kill('SIGINT');
    if (child) await new Promise((resolve) => child.once('exit', resolve));
  });

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  const textOf = (result: CallToolResult) => result.content.filter((c) => c.type === 'text').map((c) => (c as { text: string }).text).join('\n');

  it('prints its URL and lists exactly the five tools', async () => {
    expect(out).toContain(`MCP server on ${origin}/mcp`);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['call_operation', 'describe_operation', 'get_page', 'list_operations', 'search_docs']);
    expect(tools.find((t) => t.name === 'call_operation')?.inputSchema.properties).toHaveProperty('operationId');
  });

  it('finds the streaming guide and the chat operation in the top three for "stream chat completion"', async () => {
    const result = await call('search_docs', { query: 'stream chat completion' });
    const urls = (result.structuredContent as { results: Array<{ url: string; excerpt: string }> }).results.map((r) => r.url);
    expect(urls.slice(0, 3)).toContain(`${origin}/guides/streaming.md`);
    expect(urls.slice(0, 3).some((u) => /\/reference\/\w+\/create-chat-completion\.md$/.test(u))).toBe(true);
    expect(textOf(result)).toMatch(/stream/i);
  });

  it('gets a page by its HTML URL, its twin URL or a bare path', async () => {
    for (const url of [`${origin}/start/quickstart/`, '/start/quickstart.md', 'start/quickstart']) {
      const page = await call('get_page', { url });
      expect(page.isError).toBeFalsy();
      expect(textOf(page)).toMatch(/^# Quickstart\n/);
    }
    const missing = await call('get_page', { url: '/start/quikstart/' });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain(`${origin}/start/quickstart.md`);
  });

  it('lists and describes operations', async () => {
    const list = await call('list_operations', { api: 'melious', text: 'chat' });
    expect(textOf(list)).toContain('melious createChatCompletion: POST /v1/chat/completions');
    const described = await call('describe_operation', { api: 'melious', operationId: 'createChatCompletion' });
    expect(textOf(described)).toContain('`POST /v1/chat/completions`');
    expect(textOf(described)).toContain('## Request body');
  });

  it('calls createChatCompletion on the sandbox, plain and streamed', async () => {
    const body = { model: 'glm-4.7', messages: [{ role: 'user', content: 'Hi' }] };
    const plain = await call('call_operation', { api: 'melious', operationId: 'createChatCompletion', body });
    expect(plain.isError).toBeFalsy();
    expect(plain.structuredContent).toMatchObject({ status: 200, sandbox: true });
    expect(textOf(plain)).toContain('POST /v1/chat/completions → 200');
    expect(textOf(plain)).toContain('"chat.completion"');

    const streamed = await call('call_operation', { api: 'melious', operationId: 'createChatCompletion', body: { ...body, stream: true } });
    expect(streamed.isError).toBeFalsy();
    const s = streamed.structuredContent as { events: number; text: string; done: boolean; format: string };
    expect(s.format).toBe('openai');
    expect(s.events).toBeGreaterThan(2);
    expect(s.done).toBe(true);
    expect(s.text.length).toBeGreaterThan(0);
    expect(textOf(streamed)).toContain(`a stream of ${s.events} events`);
    expect(textOf(streamed)).toContain(s.text);
  });

  it('generates an image on the sandbox and attaches it', async () => {
    const result = await call('call_operation', { api: 'melious', operationId: 'createImage', body: { model: 'flux-schnell', prompt: 'A lighthouse', response_format: 'b64_json' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const image = result.content.find((c) => c.type === 'image') as { data: string; mimeType: string } | undefined;
    expect(image?.mimeType).toBe('image/png');
    expect(Buffer.from(image!.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses an operation of another API, an unknown one and a path outside the spec, saying what to do', async () => {
    const other = await call('call_operation', { api: 'melious', operationId: 'getVideoTask', path: { task_id: 't-1' } });
    expect(other.isError).toBe(true);
    expect(textOf(other)).toBe('operationId: "getVideoTask" is not an operation of the melious API; it belongs to "melancholy". Call it with api "melancholy", or pick one of melious\'s operations (list_operations with api "melious").');

    const unknown = await call('call_operation', { api: 'melious', operationId: 'createChatCompletions' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/^operationId: the melious API has no operation "createChatCompletions"\. Closest: createChatCompletion, /);

    const outside = await call('call_operation', { api: 'melious', operationId: 'retrieveModel', path: { id: '../../../admin' } });
    expect(outside.isError).toBe(true);
    expect(textOf(outside)).toBe('path.id: "../../../admin" would leave the operation\'s path /v1/models/{id}. Give one path segment, with no "/", "\\" or "..".');

    // A bare ".." survives URL encoding: the proxy core's own guard refuses it too.
    const dots = await call('call_operation', { api: 'melious', operationId: 'retrieveModel', path: { id: '..' } });
    expect(dots.isError).toBe(true);

    const api = await call('call_operation', { api: 'openai', operationId: 'createChatCompletion' });
    expect(textOf(api)).toBe('api: no API "openai". Known APIs: aimlapi, melancholy, melious, placekit, twilio-pricing, twilio-pricing-v1.');

    const field = await call('call_operation', { api: 'melious', operationId: 'createChatCompletion', body: { model: 'glm-4.7' } });
    expect(field.isError).toBe(true);
    expect(textOf(field)).toContain('messages');

    const bad = await call('call_operation', { api: 'melious', operationId: 'createChatCompletion', query: { nope: 1 }, body: {} });
    expect(textOf(bad)).toBe('query.nope: createChatCompletion takes no query parameter "nope".');
  });

  it('never logs the caller\'s key', () => {
    expect(out).toContain('/v1/chat/completions');
    expect(out).not.toContain(KEY);
  });

  it('serves /llms.txt whose every link answers 200 with text/markdown', async () => {
    const response = await fetch(`${origin}/llms.txt`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^# .+\n\n> .+\n/);
    expect(text).toMatch(/^## Guides$/m);
    expect(text).toMatch(/^## Melious API$/m);
    const links = [...text.matchAll(/\]\((https?:\/\/[^)]+)\)/g)].map((m) => new URL(m[1]).pathname);
    expect(links.length).toBeGreaterThan(20);
    for (const path of links) {
      const answer = await fetch(origin + path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-type'), path).toMatch(/^text\/markdown/);
      await answer.arrayBuffer();
    }
  });
});

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('start.node.ts did not come up in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
