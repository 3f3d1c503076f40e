import { expect, test } from '@playwright/test';

// The console is server-rendered and usable before its script arrives (client:visible loads it
// when the console scrolls into view). Whatever the reader types in that moment must be kept.
test('a key and choices made before the console hydrates are kept and sent', async ({ page }) => {
  let release!: () => void;
  const hydration = new Promise<void>((resolve) => (release = resolve));
  // Hold the island's own chunk back until the reader has typed.
  await page.route(/\/_astro\/TryItIsland\.[^/]+\.js$/, async (route) => {
    await hydration;
    await route.continue();
  });
  await page.goto('/reference/melancholy/create-chat-completion/');
  const island = page.locator('astro-island:has(.tryit)');
  await island.scrollIntoViewIfNeeded();
  const tryit = page.locator('.tryit');
  await tryit.getByLabel('API key').fill('sk-typed-before-hydration');
  await tryit.getByLabel('Stream the answer').check();
  await expect(island).toHaveAttribute('ssr', '');

  release();
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  // After hydration the controls still show what was typed, and state holds it.
  await expect(tryit.getByLabel('API key')).toHaveValue('sk-typed-before-hydration');
  await expect(tryit.getByLabel('Request body (JSON)')).toHaveValue(/"stream": true/);

  const sent = page.waitForRequest((r) => r.url().includes('/api/proxy/melancholy/'));
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  const request = await sent;
  expect(request.headers().authorization).toBe('Bearer sk-typed-before-hydration');
  expect(request.postDataJSON()).toMatchObject({ stream: true });
});
