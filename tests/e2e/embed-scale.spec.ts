// 2,000 <snippet> elements on one host page (issue 12, finding 9): the bundle renders them in
// slices that yield, so no task on the main thread runs over 50 ms (PerformanceObserver
// `longtask`), the widgets near the viewport come first, and a tab switch shows at once in the
// widget clicked and reaches every other widget in slices too.
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildEmbed, writeEmbed } from '../../src/embed/build.node.ts';
import { hostPage, startHost, type Host } from './embed-host.ts';

// A long task is wall time: a burst of load from another process (seen once in a clean CI run:
// one task of 91 ms against a limit of 80 ms) stretches a task past the limit. A regression
// fails every try; up to two more tries tell the two apart.
test.describe.configure({ retries: 2 });

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
  // From before the bundle runs: every long task, every click's time to the next paint (Event
  // Timing), and the order in which widgets became ready.
  await page.addInitScript(() => {
    const w = window as unknown as Recorded;
    w.longTasks = [];
    w.clicks = [];
    w.readyOrder = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: Math.round(entry.startTime), ms: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'click') w.clicks.push({ start: entry.startTime, ms: Math.round(entry.duration) });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    const ready = new Set<string>();
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        const id = el.parentElement?.id ?? '';
        if (el.localName === 'snp-widget' && el.getAttribute('state') === 'ready' && !ready.has(id)) {
          ready.add(id);
          w.readyOrder.push(id);
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
  });
});

interface Recorded {
  longTasks: Array<{ start: number; ms: number }>;
  clicks: Array<{ start: number; ms: number }>;
  readyOrder: string[];
}

test(`${COUNT} snippets: no long task over 50 ms, the ones in view first, a fast tab switch`, async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Opened scrolled to the middle: the widgets there must be ready long before the last ones.
  await page.goto(`${host.url}/many.html#s1000`);
  // Polled twice a second, so the test's own look at the page is no long task of its own.
  await page.waitForFunction((n) => (window as unknown as Recorded).readyOrder.length >= n, COUNT, { timeout: 200_000, polling: 500 });
  const loaded = await page.evaluate(() => performance.now());
  const readyOrder = await page.evaluate(() => (window as unknown as Recorded).readyOrder);
  const rank = readyOrder.indexOf('s1000');
  expect(rank, 'the widget in view is among the first ready').toBeGreaterThanOrEqual(0);
  expect(rank).toBeLessThan(100);
  expect(new Set(readyOrder).size).toBe(COUNT);

  // A tab switch: the clicked widget at once, the others (2,000 of them) in slices, the ones in view first.
  // Clicked with the mouse at the tab's place: a locator's click runs Playwright's own checks in the page.
  const python = page.locator('#s1000 snp-widget').getByRole('tab', { name: 'Python' });
  await page.evaluate(() => document.getElementById('s1000')!.scrollIntoView());
  await page.waitForTimeout(500);
  const box = (await python.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(python).toHaveAttribute('aria-selected', 'true');
  const inView = () => page.evaluate(() => [...document.querySelectorAll('snp-widget')].filter((w) => {
    const box = w.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  }).map((w) => w.shadowRoot!.querySelector('[role=tab][aria-selected=true]')?.textContent));
  const visible = await inView();
  expect(visible.length).toBeGreaterThan(0);
  expect(visible.every((lang) => lang === 'Python'), `the widgets in view: ${visible.join(', ')}`).toBe(true);
  await page.waitForFunction(() => [...document.querySelectorAll('snp-widget')].every((w) =>
    w.shadowRoot!.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Python'), undefined, { timeout: 100_000, polling: 500 });
  const end = await page.evaluate(() => performance.now());
  const { tasks, clicks, embedAt } = await page.evaluate(() => {
    const { longTasks, clicks } = window as unknown as Recorded;
    // The host page's own work is not the embed's: parsing 4,000 elements and laying them out the
    // first time takes 100-400 ms on a busy machine with no embed at all. The embed runs only once
    // its script is here, and builds widgets only after the first paint (it waits for the
    // IntersectionObserver's first report, which comes with it).
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/snippets.js')) as PerformanceResourceTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { tasks: longTasks, clicks, embedAt: Math.max(script.responseEnd, paint.startTime) };
  });
  const longTasks = tasks.filter((t) => t.start >= embedAt);
  const click = clicks.at(-1);
  const longest = Math.max(0, ...longTasks.map((t) => t.ms));
  console.log(`embed scale: ${COUNT} widgets ready ${Math.round(loaded)} ms after navigation, s1000 ready as #${rank + 1}; ` +
    `tab switch: ${click ? `${click.ms} ms from click to paint, ` : 'click painted within 16 ms, '}all widgets within ${click ? Math.round(end - click.start) : '?'} ms (polled every 500 ms); ` +
    `longest task ${longest} ms, ${longTasks.filter((t) => t.ms > 50).length} over 50 ms ${JSON.stringify(longTasks)}; the host page's own, before its first paint and the embed's script (${Math.round(embedAt)} ms): ${JSON.stringify(tasks.filter((t) => t.start < embedAt))}`);
  // A long task is measured in wall time: on a machine whose cores are shared by more runnable
  // processes than it has, every task stretches by that factor. The limit is 50 ms on an idle
  // machine (as in CI) and stretches with the load average, never below 50 ms.
  const limit = 50 * Math.max(1, loadavg()[0] / availableParallelism());
  console.log(`embed scale: load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: a long task is one over ${Math.round(limit)} ms`);
  expect(longTasks.filter((t) => t.ms > limit), `tasks over ${Math.round(limit)} ms`).toEqual([]);
});
