import { expect, type Page } from '@playwright/test';

export const KEY = 'sk-test-0123456789abcdef';

/** `origin`: another server than Playwright's (the Worker in tests/e2e/edge.spec.ts). */
export async function openConsole(page: Page, api: string, operation: string, key: string | null = KEY, origin = '') {
  await page.goto(`${origin}/reference/${api}/${operation}/`);
  // The console waits behind "Try it", in the examples column.
  await page.locator('[data-tryit-open]').first().click();
  const island = page.locator('astro-island:has(.tryit)');
  await island.scrollIntoViewIfNeeded();
  // client:visible: the island hydrates when it scrolls into view.
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  const console = page.locator('.tryit');
  if (key !== null) await console.getByLabel('API key').fill(key);
  return console;
}

/**
 * The sandbox sends a whole stream in ~150 ms. To watch it arrive, the page's `fetch` hands
 * the real proxied stream on one SSE event per `delayMs` (set before the page loads).
 */
export async function slowStreams(page: Page, delayMs: number, cutAfter = Number.MAX_SAFE_INTEGER) {
  await page.addInitScript(([delay, cutAt]) => {
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await original(...args);
      if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) return response;
      const reader = response.body.getReader();
      const signal = args[0] instanceof Request ? args[0].signal : args[1]?.signal;
      const decoder = new TextDecoder();
      const encoder = new TextEncoder();
      let buffer = '';
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          // Like a real fetch body: an abort errors it at once, events still held back included.
          signal?.addEventListener('abort', () => {
            controller.error(new DOMException('The operation was aborted.', 'AbortError'));
            void reader.cancel();
          });
        },
        async pull(controller) {
          for (;;) {
            const cut = buffer.indexOf('\n\n');
            if (cut !== -1) {
              const event = buffer.slice(0, cut + 2);
              buffer = buffer.slice(cut + 2);
              await new Promise((resolve) => setTimeout(resolve, delay));
              if (signal?.aborted) return;
              // Simulates a dropped connection after `cutAt` events.
              if (sent++ >= cutAt) return controller.error(new TypeError('network error'));
              controller.enqueue(encoder.encode(event));
              return;
            }
            const { done, value } = await reader.read();
            if (done) {
              if (buffer) controller.enqueue(encoder.encode(buffer));
              controller.close();
              return;
            }
            buffer += decoder.decode(value, { stream: true });
          }
        },
        cancel: (reason) => reader.cancel(reason),
      });
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
  }, [delayMs, cutAfter] as const);
}


/**
 * The sandbox's real embeddings answer, through the proxy, grown to `count` vectors of 64
 * numbers (2,600 make 2 MB): a big body for the console to render.
 */
export async function growEmbeddings(page: Page, count: number) {
  await page.route('**/api/proxy/melious/v1/embeddings', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const item = body.data[0];
    body.data = Array.from({ length: count }, (_, index) => ({ ...item, index, embedding: Array.from({ length: 64 }, (_, i) => Math.sin(index + i) / 3) }));
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
}

/**
 * Serves the pages and scripts at `urls` with a Content-Security-Policy that forbids eval (no
 * 'unsafe-eval'), as a strict site does, and collects what the console says was refused or did
 * not run: the list stays empty while nothing the console runs generates code.
 */
export async function forbidEval(page: Page, urls: string[]): Promise<string[]> {
  const csp = "script-src 'self' 'unsafe-inline'; worker-src 'self'";
  for (const url of urls) {
    await page.route(url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  }
  const refused: string[] = [];
  page.on('console', (message) => { if (/Content Security Policy|unsafe-eval|did not run/i.test(message.text())) refused.push(message.text()); });
  return refused;
}
