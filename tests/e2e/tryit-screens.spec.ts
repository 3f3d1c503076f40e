import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openConsole, slowStreams } from './tryit-helpers.ts';

// Screenshots of the console for review (not assertions of pixels): light and dark,
// desktop and mobile, mid-stream and with an image. Run with SHOTS=1; files go to
// /tmp/shots/tryit-*.png.
test.skip(!process.env.SHOTS, 'set SHOTS=1 to take the screenshots');

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } };

for (const theme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`screens ${theme} ${device}`, async ({ page }) => {
      mkdirSync('/tmp/shots', { recursive: true });
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await slowStreams(page, 900);
      let tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
      await tryit.getByLabel('Stream the answer').check();
      await tryit.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(tryit.getByTestId('tryit-message')).toContainText('Quiet rain', { timeout: 10_000 });
      await tryit.locator('.tryit-response').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/tryit-stream-${theme}-${device}.png` });
      await tryit.screenshot({ path: `/tmp/shots/tryit-stream-${theme}-${device}-console.png` });

      tryit = await openConsole(page, 'melancholy', 'create-image');
      await tryit.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(tryit.locator('.tryit-media img')).toBeVisible();
      await tryit.locator('.tryit-response').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/tryit-image-${theme}-${device}.png` });

      await tryit.getByRole('button', { name: 'Form' }).click();
      await tryit.getByLabel(/^n/).fill('0');
      await tryit.getByLabel(/^size/).fill('big');
      await tryit.getByRole('button', { name: 'Send', exact: true }).click();
      await tryit.locator('.tryit-body').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/tryit-invalid-${theme}-${device}.png` });
    });
  }
}
