import { expect, test, type Page } from '@playwright/test';

// The console is server-rendered and usable before its script arrives (client:visible loads it
// when the console scrolls into view). Whatever the reader types in that moment must be kept.

/** Opens an operation page with the island's own chunk held back until `hydrate()`. */
async function openBeforeHydration(page: Page, path: string) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/TryItIsland\.[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path);
  // The console waits behind "Try it" (the page's own script, not the island's chunk).
  await page.locator('[data-tryit-open]').first().click();
  const island = page.locator('astro-island:has(.tryit)');
  await island.scrollIntoViewIfNeeded();
  const tryit = page.locator('.tryit');
  return {
    tryit,
    hydrate: async () => {
      await expect(island).toHaveAttribute('ssr', '');
      release();
      await expect(island).not.toHaveAttribute('ssr', /.*/);
    },
    send: async () => {
      const sent = page.waitForRequest((r) => r.url().includes('/api/proxy/'));
      await tryit.getByRole('button', { name: 'Send', exact: true }).click();
      return sent;
    },
  };
}

test('a key and a checkbox set before the console hydrates are kept and sent', async ({ page }) => {
  const { tryit, hydrate, send } = await openBeforeHydration(page, '/reference/melancholy/create-chat-completion/');
  await tryit.getByLabel('API key').fill('sk-typed-before-hydration');
  await tryit.getByLabel('Stream the answer').check();
  await hydrate();
  await expect(tryit.getByLabel('API key')).toHaveValue('sk-typed-before-hydration');
  await expect(tryit.getByLabel('Request body (JSON)')).toHaveValue(/"stream": true/);
  const request = await send();
  expect(request.headers().authorization).toBe('Bearer sk-typed-before-hydration');
  expect(request.postDataJSON()).toMatchObject({ stream: true });
});

test('a request body edited before the console hydrates is kept and sent', async ({ page }) => {
  const { tryit, hydrate, send } = await openBeforeHydration(page, '/reference/melancholy/create-chat-completion/');
  const json = tryit.getByLabel('Request body (JSON)');
  await json.fill((await json.inputValue()).replace('Hello, how are you?', 'Typed before hydration'));
  await tryit.getByLabel('API key').fill('sk-typed-before-hydration');
  await hydrate();
  await expect(json).toHaveValue(/Typed before hydration/);
  const request = await send();
  expect(request.headers().authorization).toBe('Bearer sk-typed-before-hydration');
  expect(request.postDataJSON()).toMatchObject({ messages: [{ role: 'user', content: 'Typed before hydration' }] });
});
