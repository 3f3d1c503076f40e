// WCAG 2.2 AA with the real axe-core on every page type, light and dark: no critical or
// serious violation. The operation page is also checked with the console open and after a
// streamed answer, and the console is driven by keyboard alone, its answer announced.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { KEY } from './tryit-helpers.ts';

const CHAT = '/reference/melious/create-chat-completion/';
const PAGES: Array<[string, string]> = [
  ['landing', '/'],
  ['guide', '/start/quickstart/'],
  ['guide with an embedded operation', '/guides/embedding-operations/'],
  ['API overview', '/reference/melious/'],
  ['schema page', '/reference/melious/schemas/chat-completion/'],
  ['operation page', CHAT],
  ['image operation page', '/reference/melious/create-image/'],
];

async function violations(page: Page): Promise<string[]> {
  // Expressive Code makes an overflowing code block focusable from an idle callback after load:
  // wait for it (a block it never fixes times out here), or a busy machine races axe against it.
  await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')].every((p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex')));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`));
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await page.emulateMedia({ colorScheme: theme });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => setTheme(page, theme));

    for (const [name, path] of PAGES) {
      test(`${name}: no critical or serious axe violation`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        expect(await violations(page)).toEqual([]);
      });
    }

    test('operation page with the console open, then after a streamed answer', async ({ page }) => {
      await page.goto(CHAT);
      await page.getByRole('button', { name: /^Try it/ }).click();
      const island = page.locator('astro-island:has(.tryit)');
      await expect(island).not.toHaveAttribute('ssr', /.*/);
      expect(await violations(page), 'console open').toEqual([]);
      const tryit = page.locator('.tryit');
      await tryit.getByLabel('API key').fill(KEY);
      await tryit.getByLabel(/Stream the answer/).check();
      await tryit.getByRole('button', { name: 'Send' }).click();
      await expect(tryit.locator('.tryit-status')).toHaveText(/stream complete/, { timeout: 20_000 });
      expect(await violations(page), 'after a streamed answer').toEqual([]);
    });
  });
}

test('the console works from the keyboard alone, in visual order, and announces the answer', async ({ page }) => {
  await page.goto(CHAT);
  const open = page.getByRole('button', { name: /^Try it/ });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Try it', level: 2 })).toBeFocused();
  await expect(page.locator('astro-island:has(.tryit)')).not.toHaveAttribute('ssr', /.*/);
  // Tab through the console: every stop is inside it and lower on the screen than (or beside) the last.
  let last = -1;
  let reachedSend = false;
  for (let i = 0; i < 40 && !reachedSend; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      // Measured from the console's top: the column scrolls inside itself as focus moves down.
      const console_ = el.closest('[data-op-console]');
      return { inConsole: Boolean(console_), y: el.getBoundingClientRect().top - (console_?.getBoundingClientRect().top ?? 0), text: el.textContent ?? '', tag: el.tagName };
    });
    expect(where.inConsole, `tab stop ${i} (${where.tag} ${where.text.slice(0, 20)}) stays in the console`).toBe(true);
    expect(where.y, `tab stop ${i} follows the visual order`).toBeGreaterThanOrEqual(last - 40);
    last = where.y;
    reachedSend = where.tag === 'BUTTON' && where.text === 'Send';
  }
  expect(reachedSend, 'Send is reached with Tab').toBe(true);
  await page.keyboard.press('Enter');
  // The answer (here the API's 401: no key was typed) is announced through a polite live region.
  const status = page.locator('.tryit-status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveText(/^401/, { timeout: 20_000 });
});
