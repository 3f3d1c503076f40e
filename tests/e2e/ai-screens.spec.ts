// Screenshots of the page menu for people to look at (SHOTS=1): closed and open, light and
// dark, desktop and mobile, on an operation page and a guide. Files go to /tmp/shots/.
import { test } from '@playwright/test';

test.skip(!process.env.SHOTS, 'set SHOTS=1 to take the screenshots');

for (const theme of ['light', 'dark'] as const) {
  for (const [device, width] of [['desktop', 1280], ['mobile', 390]] as const) {
    test(`page menu, ${theme}, ${device}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      for (const [name, path] of [['operation', '/reference/melious/create-chat-completion/'], ['guide', '/guides/ai-assistants/']]) {
        await page.goto(path);
        await page.screenshot({ path: `/tmp/shots/ai-menu-${name}-${theme}-${device}.png` });
        await page.locator('.page-menu summary').click();
        await page.screenshot({ path: `/tmp/shots/ai-menu-${name}-${theme}-${device}-open.png` });
      }
    });
  }
}
