// The site's wiring: which API goes where (env vars), and `node src/server/start.node.ts` as a
// process (built site + sandbox + proxy, one line per API, a clean stop on Ctrl-C).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSiteProxy } from '../../src/server/site-proxy.node.ts';

describe('createSiteProxy', () => {
  it('sends APIs without API_BASE_URL_<ID> to the sandbox and the others to their upstream', async () => {
    const site = await createSiteProxy({ root: process.cwd(), env: { API_BASE_URL_MELIOUS: 'spec', API_BASE_URL_AIMLAPI: 'https://gateway.example.com/v2/', PROXY_LOG: 'off' }, sandboxPort: 0 });
    try {
      expect(site.lines).toEqual([
        'aimlapi: real upstream https://gateway.example.com/v2',
        `melancholy: sandbox at ${site.sandbox?.url}/melancholy (set API_BASE_URL_MELANCHOLY for the real API)`,
        'melious: real upstream https://api.melious.ai',
        `placekit: sandbox at ${site.sandbox?.url}/placekit (set API_BASE_URL_PLACEKIT for the real API)`,
        // Each version of an API is served on its own (openapi/twilio-pricing/v1.json, v2.json).
        `twilio-pricing: sandbox at ${site.sandbox?.url}/twilio-pricing (set API_BASE_URL_TWILIO_PRICING for the real API)`,
        `twilio-pricing-v1: sandbox at ${site.sandbox?.url}/twilio-pricing-v1 (set API_BASE_URL_TWILIO_PRICING_V1 for the real API)`,
      ]);
      const response = await site.proxy(new Request('http://site/api/proxy/melancholy/v1/video/generations/t-1', { headers: { authorization: 'Bearer k' } }));
      expect(response.headers.get('x-sandbox')).toBe('1');
      expect(await response.json()).toMatchObject({ task_id: 't-1', status: 'PENDING' });
    } finally {
      await site.close();
    }
  });

  it('refuses a private upstream unless API_ALLOW_PRIVATE_<ID> says so', async () => {
    await expect(createSiteProxy({ root: process.cwd(), env: { API_BASE_URL_MELIOUS: 'http://10.0.0.5:8080' }, sandboxPort: 0 })).rejects.toThrow(
      'melious: API_BASE_URL_MELIOUS points at the private address 10.0.0.5; set API_ALLOW_PRIVATE_MELIOUS=1 to allow it.',
    );
    const site = await createSiteProxy({ root: process.cwd(), env: { API_BASE_URL_MELIOUS: 'http://10.0.0.5:8080', API_ALLOW_PRIVATE_MELIOUS: '1' }, sandboxPort: 0 });
    expect(site.lines).toContain('melious: real upstream http://10.0.0.5:8080');
    await site.close();
  });
});

const built = existsSync('dist/server/entry.mjs');

describe('start.node.ts', () => {
  it.skipIf(!built)('serves the site and the proxy, says where each API goes, and stops on SIGINT', async () => {
    const port = 4700 + Math.floor(Math.random() * 200);
    const child = spawn(process.execPath, ['src/server/start.node.ts'], { env: { ...process.env, PORT: String(port), SANDBOX_PORT: String(port + 1), PROXY_LOG: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out.includes('Site on http://'), 30_000);
      expect(out).toContain(`melious: sandbox at http://127.0.0.1:${port + 1}/melious (set API_BASE_URL_MELIOUS for the real API)`);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const api = await fetch(`http://127.0.0.1:${port}/api/proxy/melious/v1/models`, { headers: { authorization: 'Bearer k' } });
      expect(api.headers.get('x-sandbox')).toBe('1');
      expect(((await api.json()) as { object: string }).object).toBe('list');
      // A non-JSON POST without Origin: Astro's origin check would refuse it; the front handler never asks Astro.
      const form = await fetch(`http://127.0.0.1:${port}/api/proxy/aimlapi/v2/generate/audio/minimax/upload`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: formWithFile() });
      expect(form.status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('SIGINT: stopping');
  });
});

function formWithFile(): FormData {
  const form = new FormData();
  form.append('purpose', 'song');
  form.append('file', new Blob([new Uint8Array(64)], { type: 'audio/mpeg' }), 'ref.mp3');
  return form;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('start.node.ts did not come up in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
