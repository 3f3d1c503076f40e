import { expect, test } from '@playwright/test';

// The Snippet and OperationSnippets blocks of the snippets guide: static HTML highlighted at
// build time; the only script switches tabs, copies, and remembers the language.
test.describe('snippet blocks', () => {
  test('switch tabs, remember the language on every block and across pages, copy the plain code', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/guides/snippets/');
    const blocks = page.locator('[data-snippet]');
    expect(await blocks.count()).toBeGreaterThan(5);
    const first = blocks.first();
    await expect(first.locator('[role="tabpanel"]:not([hidden])')).toHaveAttribute('data-lang', 'shell');

    await first.getByRole('tab', { name: 'Python' }).click();
    await expect(first.locator('[role="tabpanel"]:not([hidden]) pre')).toContainText('import requests');
    // Every block on the page follows, and the next page load keeps the choice.
    for (const panel of await page.locator('[data-snippet] [role="tabpanel"]:not([hidden])').all()) {
      await expect(panel).toHaveAttribute('data-lang', 'python');
    }
    await page.reload();
    await expect(page.locator('[data-snippet]').first().locator('[role="tabpanel"]:not([hidden])')).toHaveAttribute('data-lang', 'python');

    // The second block was rendered with the guide's own values; Copy gives that code as text.
    const custom = page.locator('[data-snippet]').nth(1);
    await custom.getByRole('button', { name: 'Copy code' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('"What\'s the capital of Schleswig-Holstein?"');
    expect(copied).toContain('"glm-4.7:eco"');
    expect(copied).not.toContain('<span');
  });

  test('an SDK tab is remembered by key, and falls back to the same language elsewhere', async ({ page }) => {
    await page.goto('/guides/snippets/');
    const operation = page.locator('[data-snippet]').last();
    await operation.getByRole('tab', { name: 'JavaScript · Anthropic SDK' }).click();
    await expect(operation.locator('[role="tabpanel"]:not([hidden]) pre')).toContainText('@anthropic-ai/sdk');
    // Hand-written blocks have no Anthropic tab: they show their JavaScript one.
    await expect(page.locator('[data-snippet]').first().locator('[role="tabpanel"]:not([hidden])')).toHaveAttribute('data-lang', 'javascript');
  });

  test('token colours follow the site theme', async ({ page }) => {
    await page.goto('/guides/snippets/');
    const token = page.locator('[data-snippet] [role="tabpanel"]:not([hidden]) pre span[style]').first();
    const colour = () => token.evaluate((el) => getComputedStyle(el).color);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    const light = await colour();
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const dark = await colour();
    expect(light).not.toBe(dark);
  });
});
