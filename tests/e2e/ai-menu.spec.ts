// The page menu beside every title (Copy page, View as Markdown, Open in ChatGPT / Claude,
// Copy MCP server URL) in Chromium: it works from the keyboard, copies the page's Markdown twin,
// and costs only a few hundred bytes of script. Each page's head links its twin.
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

test('every kind of page links its Markdown twin from its head', async ({ page, request }) => {
  for (const [path, twin] of [
    ['/start/quickstart/', '/start/quickstart.md'],
    ['/reference/melious/', '/reference/melious.md'],
    ['/reference/melious/create-chat-completion/', '/reference/melious/create-chat-completion.md'],
    ['/reference/melious/schemas/', '/reference/melious/schemas.md'],
    ['/reference/twilio-pricing/changelog/', '/reference/twilio-pricing/changelog.md'],
    ['/', '/index.md'],
  ]) {
    await page.goto(path);
    await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute('href', twin);
    const answer = await request.get(twin);
    expect(answer.status(), twin).toBe(200);
    expect(answer.headers()['content-type'], twin).toMatch(/^text\/markdown/);
  }
});

test('the page menu works from the keyboard and copies the page as Markdown', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/reference/melious/create-chat-completion/');
  const menu = page.locator('.page-menu');
  await expect(menu).toBeVisible();

  // The menu's own script stays small: it is the only script these bytes add to a page.
  const script = await menu.evaluate((m) => m.nextElementSibling?.textContent ?? '');
  expect(script.length).toBeGreaterThan(100);
  expect(gzipSync(script).length).toBeLessThan(500);

  await menu.getByRole('button', { name: 'Copy page' }).first().click();
  await expect(menu.getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^# Create a chat completion\n\n`POST \/v1\/chat\/completions`/);

  // Keyboard: focus the chevron, open with Enter, walk the items, close with Escape.
  const summary = menu.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(menu.locator('details')).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: /Copy page Markdown for LLMs/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const view = menu.getByRole('link', { name: /View as Markdown/ });
  await expect(view).toBeFocused();
  await expect(view).toHaveAttribute('href', '/reference/melious/create-chat-completion.md');
  const twinUrl = new URL('/reference/melious/create-chat-completion.md', 'http://127.0.0.1:4321').href;
  await expect(menu.getByRole('link', { name: /Open in ChatGPT/ })).toHaveAttribute('href', `https://chatgpt.com/?hints=search&q=${encodeURIComponent(`Read ${twinUrl} so I can ask questions about it.`)}`);
  await expect(menu.getByRole('link', { name: /Open in Claude/ })).toHaveAttribute('href', `https://claude.ai/new?q=${encodeURIComponent(`Read ${twinUrl} so I can ask questions about it.`)}`);
  await page.keyboard.press('Escape');
  await expect(menu.locator('details')).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();

  await summary.click();
  await menu.getByRole('button', { name: /Copy MCP server URL/ }).click();
  // The copy is asynchronous: poll until the clipboard holds it.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/mcp`);
  await expect(menu.locator('details')).not.toHaveAttribute('open', '');
});

test('guides have the menu too, the 404 page has none', async ({ page }) => {
  await page.goto('/guides/streaming/');
  await expect(page.locator('.page-menu')).toBeVisible();
  await page.goto('/no-such-page/');
  await expect(page.locator('.page-menu')).toHaveCount(0);
});
