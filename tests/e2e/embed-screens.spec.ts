import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { hostPage, settled, startHost } from './embed-host.ts';

// Screenshots of a host page with widgets, for review (not pixel assertions): light and dark,
// desktop and mobile. Run with SHOTS=1; files go to /tmp/shots/embed-*.png.
test.skip(!process.env.SHOTS, 'set SHOTS=1 to take the screenshots');

const BODY = `<style>body{font:16px/1.6 Georgia,serif;max-width:760px;margin:32px auto;padding:0 16px;color:#333}
@media (prefers-color-scheme:dark){body{background:#111;color:#ddd}}</style>
<h1>Host page</h1>
<p>A blog post on another site, with snippets from the docs.</p>
<snippet data-name="melious.chat-completion" data-model="super"></snippet>
<p>The same language is kept across widgets; this one has its prompt overridden with a quote in it:</p>
<div data-snippet="melancholy.chat-completion" data-prompt='Say "hi" <b>now</b>'></div>
<p>A snippet that does not exist:</p>
<snippet data-name="melious.does-not-exist"></snippet>`;

for (const theme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries({ desktop: { width: 1100, height: 1400 }, mobile: { width: 390, height: 1400 } })) {
    test(`embed screens ${theme} ${device}`, async ({ page }) => {
      mkdirSync('/tmp/shots', { recursive: true });
      const host = await startHost({ '/': hostPage(BODY) });
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(host.url);
      await settled(page, 3);
      await page.locator('[data-snippet]').getByRole('tab', { name: 'Python' }).click();
      await page.screenshot({ path: `/tmp/shots/embed-${theme}-${device}.png`, fullPage: true });
      await host.close();
    });
  }
}
