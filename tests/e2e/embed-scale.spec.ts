// 2,000 <snippet> elements on one host page (issue 12, finding 9): the bundle renders them in
// slices that yield, so no task on the main thread runs over 50 ms (PerformanceObserver
// `longtask`), the widgets near the viewport come first, and a tab switch shows at once in the
// widget clicked and reaches every other widget in slices too.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildEmbed, writeEmbed } from '../../src/embed/build.node.ts';
import { hostPage, startHost, type Host } from './embed-host.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/.output/embed-scale');

const COUNT = 2000;
const NAMES = ['melious.chat-completion', 'aimlapi.embeddings', 'melancholy.image-generation', 'aimlapi.video-task'];
// Every fifth element carries an override that the build-time highlighting takes as a patch.
// A docs page: a heading, then the snippet.
const BODY = Array.from({ length: COUNT }, (_, i) =>
  `<h3>Example ${i}</h3>\n<snippet id="s${i}" data-name="${NAMES[i % NAMES.length]}"${i % 5 === 0 ? ' data-model="super-model"' : ''}></snippet>`).join('\n');

let cdn: Host;
let host: Host;
test.beforeAll(async () => {
  // The embed of this tree's snippets/, built as the site builds it and served from another origin.
  rmSync(OUT, { recursive: true, force: true });
  writeEmbed(OUT, await buildEmbed('snippets', ROOT));
  cdn = await startHost({}, OUT);
  host = await startHost({ '/many.html': hostPage(BODY, { embed: `${cdn.url}/files` }) });
});
test.afterAll(async () => {
  await host?.close();
  await cdn?.close();
});

test.beforeEach(async ({ page }) => {
  // Record every long task and when each widget became ready, from before the bundle runs.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[]; readyOrder: string[] };
    w.longTasks = [];
    w.readyOrder = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.localName === 'snp-widget' && el.getAttribute('state') === 'ready') w.readyOrder.push(el.parentElement?.id ?? '');
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
  });
});

test(`${COUNT} snippets: no long task over 50 ms, the ones in view first, a fast tab switch`, async ({ page }) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Opened scrolled to the middle: the widgets there must be ready long before the last ones.
  await page.goto(`${host.url}/many.html#s1000`);
  await page.waitForFunction((n) => (window as unknown as { readyOrder: string[] }).readyOrder.length >= n, COUNT, { timeout: 200_000 });
  const { longTasks, readyOrder } = await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; readyOrder: string[] };
    return { longTasks: [...w.longTasks], readyOrder: [...w.readyOrder] };
  });
  const loaded = await page.evaluate(() => performance.now());
  const rank = readyOrder.indexOf('s1000');
  expect(rank, 'the widget in view is among the first ready').toBeGreaterThanOrEqual(0);
  expect(rank).toBeLessThan(100);
  expect(new Set(readyOrder).size).toBe(COUNT);

  // A tab switch: the clicked widget at once, the others (2,000 of them) in slices.
  const first = page.locator('#s1000 snp-widget');
  const before = await page.evaluate(() => performance.now());
  await first.getByRole('tab', { name: 'Python' }).click();
  await expect(first.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  const shownAfter = (await page.evaluate(() => performance.now())) - before;
  await page.waitForFunction(() => [...document.querySelectorAll('snp-widget')].every((w) =>
    w.shadowRoot!.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Python'), undefined, { timeout: 150_000 });
  const all = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`embed scale: ${COUNT} widgets ready ${Math.round(loaded / 1000)} s after navigation, s1000 ready as #${rank + 1}, longest task ${Math.max(0, ...all)} ms (${all.length} over 50 ms), tab shown in ${Math.round(shownAfter)} ms`);
  expect(longTasks.concat(all).filter((d) => d > 50), 'long tasks (ms)').toEqual([]);
});
