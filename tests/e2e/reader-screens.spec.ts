import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openConsole } from './tryit-helpers.ts';

// Screenshots of the two-pane operation pages for review (not assertions of pixels): light and
// dark, 1280 and 390 wide; chat completions idle, with the console open (live code on top), and after a streamed answer; an image page idle, with the console open and after its answer.
// Run with SHOTS=1; files go to /tmp/shots/reader-*.png. READER_SHOTS_PAGE=<url> adds one more
// page (a big spec's operation from another build, e.g. Stripe's).
test.skip(!process.env.SHOTS, 'set SHOTS=1 to take the screenshots');

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

for (const theme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`reader screens ${theme} ${device}`, async ({ page }) => {
      mkdirSync('/tmp/shots', { recursive: true });
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const shot = (name: string) => page.screenshot({ path: `/tmp/shots/reader-${name}-${theme}-${device}.png` });

      await page.goto('/reference/melious/create-chat-completion/');
      await shot('chat-idle');
      await page.goto('/reference/melious/create-image/');
      await shot('image-idle');

      // Just opened: what the reader sees after pressing Try it.
      await page.goto('/reference/melious/create-chat-completion/');
      await page.locator('[data-tryit-open]').first().click();
      await expect(page.locator('.tryit-code-panel pre')).toBeVisible();
      await shot('chat-console');

      const tryit = await openConsole(page, 'melious', 'create-chat-completion');
      await tryit.getByLabel(/Stream the answer/).check();
      await tryit.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(tryit.locator('.tryit-status')).toHaveText(/stream complete/, { timeout: 20_000 });
      // No scrolling here: the console brings the answer into view itself.
      await shot('chat-streamed');

      const image = await openConsole(page, 'melious', 'create-image');
      await page.evaluate(() => scrollTo(0, 0));
      await page.locator('[data-op-side]').evaluate((side) => { side.scrollTop = 0; });
      await page.locator('[data-tryit-close]').click();
      await page.locator('[data-tryit-open]').first().click();
      await expect(image.locator('.tryit-code-panel pre')).toBeVisible();
      await shot('image-console');
      await image.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(image.locator('.tryit-status')).toHaveText(/^200/, { timeout: 20_000 });
      await expect(image.locator('.tryit-figure img').first()).toBeVisible();
      await shot('image-answer');

      const extra = process.env.READER_SHOTS_PAGE;
      if (extra) {
        await page.goto(extra);
        await shot('big-spec');
      }
    });
  }
}
