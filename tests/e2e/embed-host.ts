// A second origin for the embed tests: a plain static server on another loopback port that
// serves host pages (and, for the seed fixtures, a built embed folder with CORS headers).
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';

export const SITE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4380}`;

export interface Host {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** `pages`: path → HTML; `files`: a folder served under `/files/` with CORS (an embed built for fixtures). */
export async function startHost(pages: Record<string, string>, files?: string): Promise<Host> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(pages[path]);
      return;
    }
    if (files && path.startsWith('/files/')) {
      const target = normalize(join(files, path.slice('/files/'.length)));
      if (target.startsWith(files) && statSync(target, { throwIfNoEntry: false })?.isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
        res.end(readFileSync(target));
        return;
      }
    }
    res.writeHead(404, { 'access-control-allow-origin': '*' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A host page with the install block from the docs (script and stylesheet from `embed`). */
export function hostPage(body: string, { embed = `${SITE}/embed`, head = '', install = true } = {}): string {
  const tags = install ? `<script async type="module" src="${embed}/snippets.js"></script>\n<link rel="stylesheet" href="${embed}/snippets.css">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>\n${tags}\n${head}</head><body>\n${body}\n</body></html>`;
}

/** Every widget on the page has settled (highlighted or showing its error). */
export async function settled(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => {
    const states = [...document.querySelectorAll('snp-widget')].map((w) => w.getAttribute('state'));
    return states.length === n && states.every((s) => s === 'ready' || s === 'error');
  }, count);
}
