// The authors' own samples (x-codeSamples) on a built reference page: PlaceKit's published
// spec carries curl, Go, JavaScript, Python and Ruby samples.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const spec = JSON.parse(readFileSync('openapi/placekit.json', 'utf8')) as { paths: Record<string, Record<string, { 'x-codeSamples': Array<{ lang: string; source: string }> }>> };
const samples = spec.paths['/search'].post['x-codeSamples'];

test("an operation's own samples come first, labelled, highlighted and exactly as written", async ({ page }) => {
  await page.goto('/reference/placekit/search/');
  const block = page.locator('.op-examples [data-snippet]').first();
  const tabs = block.getByRole('tab');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.first()).toHaveAccessibleName('cURL (From the API)');
  // The authors' five, in their order, then ours.
  const names = await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent));
  expect(names.slice(0, 5)).toEqual(['cURL (From the API)', 'Go (From the API)', 'JavaScript (From the API)', 'Python (From the API)', 'Ruby (From the API)']);
  expect(names.slice(5).every((n) => n!.endsWith('(Generated)'))).toBe(true);
  for (const [i, sample] of samples.entries()) {
    await tabs.nth(i).click();
    const panel = block.locator('[role="tabpanel"]:not([hidden])');
    expect(await panel.locator('pre').evaluate((el) => el.textContent)).toBe(sample.source);
    await expect(panel.locator('pre span[style*="--shiki-light"]').first()).toBeAttached();
    // curl and fetch call the server by URL and run against the sandbox in the tests; the rest do not.
    const checked = sample.lang === 'curl' || sample.lang === 'js';
    await expect(panel.locator('.snippet-note')).toHaveText(checked ? /Run against the sandbox in our tests/ : /Not checked by us/);
  }
});
