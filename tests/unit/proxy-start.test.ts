// `node src/server/start.node.ts` as a reader's browser and an attacker meet it: the built site,
// the sandbox and exactly one proxy in one process (issue 12, findings 1, 2 and 5 against the
// real server). Needs a built site (`astro build`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, sendPartial, waitFor } from './proxy-harness.ts';

const built = existsSync('dist/server/entry.mjs');
const KEY = 'sk-STARTSECRET-123456';

describe.skipIf(!built)('npm start: one proxy, passive responses, no body read before a refusal', () => {
  let child: ChildProcess;
  let out = '';
  let base = '';
  let hostile: Server;
  beforeAll(async () => {
    // An upstream an attacker controls for melancholy: HTML with a script for every request.
    hostile = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<script>localStorage.setItem("stolen", "1")</script><p>hi</p>'));
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    const env = {
      ...process.env, PORT: '0', SANDBOX_PORT: '0', PROXY_LOG: 'on',
      API_BASE_URL_MELANCHOLY: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`, API_ALLOW_PRIVATE_MELANCHOLY: '1',
    };
    child = spawn(process.execPath, ['src/server/start.node.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => /Site on (http:\/\/\S+?)\/ /.test(out), 60_000);
    base = /Site on (http:\/\/\S+?)\/ /.exec(out)![1];
  }, 70_000);
  afterAll(async () => {
    child?.kill('SIGINT');
    hostile?.close();
  });

  it.each([
    '/api/x/../proxy/melious/v1/models',
    '/api/proxy/./melious/v1/models',
    '/api/%2e%2e/api/proxy/melious/v1/models',
    '/api/%70roxy/melious/v1/models',
    '/api/proxy%2fmelious/v1/models',
    '//api/proxy/melious/v1/models',
    '/API/proxy/melious/v1/models',
  ])('answers %s with the front proxy, refusing it', async (path) => {
    const response = await send(base, 'GET', path, { authorization: `Bearer ${KEY}` });
    expect(response.status === 403 || response.status === 404).toBe(true);
    expect(response.headers['content-type']).toBe('application/json');
    expect((JSON.parse(response.text) as { error: { code: string } }).error.code).toMatch(/^PROXY_(FORBIDDEN_PATH|UNKNOWN_API)$/);
  });

  it('has started exactly one sandbox and one proxy', async () => {
    await send(base, 'GET', '/api/x/../proxy/melious/v1/models');
    expect(out.match(/^melious: sandbox at /gm)).toHaveLength(1);
    expect(out).not.toContain('EADDRINUSE');
  });

  it('answers 413 at once to a declared 20 MB body that never comes', async () => {
    const { text, closed } = await sendPartial(base, 'POST /api/proxy/melious/v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n');
    expect(text.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(text).toContain('PROXY_BODY_TOO_LARGE');
    expect(closed).toBe(true);
  });

  it('logs an unknown API with the key in the path and the query without the key', async () => {
    await send(base, 'GET', `/api/proxy/${KEY}/v1/models?api_key=${KEY}`, { authorization: `Bearer ${KEY}` });
    await waitFor(() => out.includes('PROXY_UNKNOWN_API'), 5000);
    expect(out).not.toContain('STARTSECRET');
  });

  it('serves an upstream HTML page as an inert download: its script never runs on our origin', async () => {
    const url = `${base}/api/proxy/melancholy/v1/video/generations/t-1`;
    const response = await send(base, 'GET', new URL(url).pathname, { authorization: `Bearer ${KEY}` });
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['content-disposition']).toBe('attachment');
    expect(response.headers['x-content-type-options']).toBe('nosniff');

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/`);
      // A reader (or a link an attacker sent) opens the proxy URL itself.
      await page.goto(url).catch(() => {});
      await page.waitForTimeout(300);
      await page.goto(`${base}/`);
      expect(await page.evaluate(() => localStorage.getItem('stolen'))).toBeNull();
    } finally {
      await browser.close();
    }
  }, 30_000);
});
