// What a reader takes in at a glance on an operation page, in Chromium on the built site:
// the first viewport at 1280×800 (checked by bounding boxes), the examples column that
// turns into the console in place, stacking on a phone, and links that open what they
// point to (a field in a folded schema, a response tab, the console).
import { expect, test, type Locator, type Page } from '@playwright/test';

const CHAT = '/reference/melious/create-chat-completion/';
const PAGES = [
  CHAT,
  '/reference/melious/create-image/',
  '/reference/melious/list-models/',
  '/reference/melancholy/get-video-task/',
];

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, `${locator} has a box`).not.toBeNull();
  return b!;
}

/** Visible inside the viewport, at least `minHeight` px of it. */
async function expectInFirstViewport(page: Page, locator: Locator, what: string, minHeight = 16) {
  await expect(locator, what).toBeVisible();
  const b = await box(locator);
  const { width, height } = page.viewportSize()!;
  expect(b.y, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(b.x + Math.min(b.width, 40), `${what} is not off to the right`).toBeLessThanOrEqual(width);
  expect(height - b.y, `${what} shows at least ${minHeight}px in the first viewport (top at ${Math.round(b.y)}px)`).toBeGreaterThanOrEqual(minHeight);
}

test.describe('first viewport at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  for (const path of PAGES) {
    test(`${path}: method + path, request sample, top of the response example, Try it`, async ({ page }) => {
      await page.goto(path);
      await expectInFirstViewport(page, page.locator('.path-line .method'), 'the method');
      await expectInFirstViewport(page, page.locator('.path-line code.path'), 'the path');
      const sample = page.locator('[data-op-examples] .snippet-panel:not([hidden]) pre').first();
      await expectInFirstViewport(page, sample, 'the request sample', 80);
      const response = page.locator('[data-op-examples] .rx-panel:not([hidden])').first();
      await expectInFirstViewport(page, response.locator('pre, .rx-events, .rx-note').first(), 'the top of the response example', 40);
      await expectInFirstViewport(page, page.getByRole('button', { name: /^Try it/ }), 'the Try it control');
      // Two panes: the sample is beside the description, not under it.
      const left = await box(page.locator('.op-head'));
      const right = await box(page.locator('.op-side'));
      expect(right.x, 'the examples column is right of the prose').toBeGreaterThanOrEqual(left.x + left.width - 1);
      // Starlight's right-hand table of contents gave its place to the examples; the outline stays on the page.
      await expect(page.locator('starlight-toc')).toHaveCount(0);
      await expect(page.locator('.op-outline a').first()).toBeVisible();
    });
  }

  test('the examples column stays in view while the fields scroll', async ({ page }) => {
    await page.goto(CHAT);
    await page.evaluate(() => window.scrollTo(0, 2500));
    await expectInFirstViewport(page, page.getByRole('button', { name: /^Try it/ }), 'Try it after scrolling');
    await expectInFirstViewport(page, page.locator('[data-op-examples] .snippet-panel:not([hidden]) pre').first(), 'the sample after scrolling', 80);
  });

  test('a status tab shows its example; an event stream is listed event by event', async ({ page }) => {
    await page.goto(CHAT);
    const tab = page.getByRole('tab', { name: '200 · text/event-stream' });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const events = page.locator('.rx-panel:not([hidden]) .rx-events li');
    expect(await events.count()).toBeGreaterThan(2);
    await expect(events.last()).toContainText('[DONE]');
    // Arrow keys move along the tabs.
    await tab.press('ArrowRight');
    await expect(page.getByRole('tab', { name: '400' })).toBeFocused();
    await expect(page.locator('.rx-panel:not([hidden]) pre').first()).toContainText('"error"');
  });

  test('Try it turns the column into the console in place, and back', async ({ page }) => {
    await page.goto(CHAT);
    const open = page.getByRole('button', { name: /^Try it/ });
    const before = await box(page.locator('.op-side'));
    await open.click();
    await expect(open).toBeHidden();
    const heading = page.getByRole('heading', { name: 'Try it', level: 2 });
    await expect(heading).toBeFocused();
    // The live code stands where the sample stood, the form under it, and Send in view without
    // scrolling: stuck to the bottom of the column, which scrolls on its own.
    await expectInFirstViewport(page, page.locator('.tryit-code-panel').first(), 'the live code', 100);
    await expectInFirstViewport(page, page.locator('.tryit-request').first(), 'the console form', 100);
    const send = page.getByRole('button', { name: 'Send', exact: true });
    const sendBox = await box(send);
    expect(sendBox.y + sendBox.height, `Send ends inside the 800px viewport (at ${Math.round(sendBox.y + sendBox.height)}px)`).toBeLessThanOrEqual(800);
    await expectInFirstViewport(page, send, 'Send', sendBox.height);
    // The column scrolls on its own (the page stays), and Send stays in view.
    const pageY = await page.evaluate(() => scrollY);
    await page.locator('[data-op-side]').evaluate((side) => { side.scrollTop = 120; });
    expect(Math.abs((await box(send)).y - sendBox.y), 'Send stays at the bottom of the column').toBeLessThan(2);
    await page.locator('[data-op-side]').evaluate((side) => { side.scrollTop = side.scrollHeight; });
    await expectInFirstViewport(page, send, 'Send after scrolling the column', sendBox.height);
    expect(await page.evaluate(() => scrollY)).toBe(pageY);
    const console_ = await box(page.locator('[data-op-console]'));
    expect(Math.abs(console_.x - before.x), 'the console sits where the examples were').toBeLessThan(4);
    expect(console_.x + console_.width, 'the console fits the column (no wider than the examples were)').toBeLessThanOrEqual(before.x + before.width + 1);
    await page.getByRole('button', { name: 'Back to examples' }).click();
    await expect(open).toBeFocused();
    await expect(page.locator('[data-op-console]')).toBeHidden();
  });
});

test('the live code takes the sample\'s place in the remembered language, follows the form, and the choice comes back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(CHAT);
  const sample = page.locator('[data-op-examples] .snippet').first();
  await sample.getByRole('tab', { name: 'Python · OpenAI SDK' }).click();
  await page.reload();
  await page.getByRole('button', { name: /^Try it/ }).click();
  const tabs = page.locator('.tryit-code-tabs');
  const code = page.locator('.tryit-code-panel pre');
  await expect(tabs.getByRole('tab', { selected: true })).toHaveText('Python · OpenAI SDK');
  await expect(code).toContainText('from openai import OpenAI');
  expect((await box(page.locator('.tryit-code-panel'))).y, 'the live code is above the form').toBeLessThan((await box(page.locator('.tryit-request'))).y);
  await page.getByLabel('Request body (JSON)').fill('{"model": "glm-4.7", "messages": [{"role": "user", "content": "Name a lighthouse"}]}');
  await expect(code).toContainText('Name a lighthouse');
  await page.locator('.tryit').getByLabel('API key').fill('sk-live-code-0123456789');
  await expect(code).not.toContainText('sk-live-code-0123456789');
  // A language picked in the console is the site's choice: the static samples follow it.
  await tabs.getByRole('tab', { name: 'JavaScript', exact: true }).click();
  await expect(code).toContainText('fetch(');
  await expect(code).toContainText('Name a lighthouse');
  expect(await page.evaluate(() => [localStorage.getItem('snippet-tab'), localStorage.getItem('snippet-language')])).toEqual(['http.js', 'javascript']);
  await page.getByRole('button', { name: 'Back to examples' }).click();
  await expect(sample.getByRole('tab', { selected: true })).toHaveText('JavaScript');
  await page.goto('/reference/melious/create-embedding/');
  await expect(page.locator('[data-op-examples] .snippet').first().getByRole('tab', { selected: true })).toHaveText('JavaScript');
});

test('the response example waits under the console, and the live answer takes its place in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(CHAT);
  await page.getByRole('button', { name: /^Try it/ }).click();
  const side = page.locator('[data-op-side]');
  const example = page.locator('[data-op-response-example]');
  // Moved under the console (one copy, so one set of ids), after the form in DOM and on screen.
  await expect(page.locator('[data-op-console] [data-op-response-example]')).toHaveCount(1);
  await expect(page.locator('[data-op-examples] [data-op-response-example]')).toHaveCount(0);
  expect((await box(example)).y, 'the example is under the form').toBeGreaterThan((await box(page.locator('.tryit-request'))).y);
  await expect(page.locator('astro-island:has(.tryit)')).not.toHaveAttribute('ssr', /.*/);
  await page.locator('.tryit').getByLabel('API key').fill('sk-test-0123456789abcdef');
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const pageY = await page.evaluate(() => scrollY);
  await send.click();
  await expect(page.locator('.tryit-status')).toHaveText(/^200 OK/, { timeout: 20_000 });
  await expect(example).toBeHidden();
  // The column scrolled itself (not the page) so the answer shows under Send, both in view.
  const column = await box(side);
  await expect(async () => {
    const answer = await box(page.locator('.tryit-response'));
    expect(answer.y, 'the answer starts inside the column').toBeGreaterThanOrEqual(column.y);
    expect(answer.y, 'the answer starts in the column\'s upper half').toBeLessThan(column.y + column.height / 2);
    const sendBox = await box(send);
    expect(sendBox.y, 'Send is still in view, above the answer').toBeGreaterThanOrEqual(column.y);
    expect(sendBox.y).toBeLessThan(answer.y);
  }).toPass({ timeout: 5_000 });
  expect(await page.evaluate(() => scrollY)).toBe(pageY);
  await expect(page.getByLabel('Response body')).toContainText('"chat.completion"');
  // Back to examples: the example is home again, and shown.
  await page.getByRole('button', { name: 'Back to examples' }).click();
  await expect(page.locator('[data-op-examples] [data-op-response-example]')).toBeVisible();
});

test.describe('narrow screens stack in reading order', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('description, sample, response, console control, then fields', async ({ page }) => {
    await page.goto(CHAT);
    const ys = [];
    for (const selector of ['.op-description', '[data-op-examples] .snippet', '.rx', '.op-fields']) ys.push((await box(page.locator(selector).first())).y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling of the page').toBeLessThanOrEqual(390);
  });
});

test('a link to a field opens every fold around it, "Show N more" included', async ({ page }) => {
  await page.goto(CHAT);
  const row = page.locator('[id="body.messages"]');
  await expect(row).toBeAttached();
  // A field past the first twelve of the request body sits in the closed "Show N more".
  const folded = page.locator('.op-fields details.sv-rest').first();
  await expect(folded).not.toHaveAttribute('open', '');
  const hidden = folded.locator(':scope > ul > li.sv-row').first();
  const id = await hidden.getAttribute('id');
  expect(id).toMatch(/^body\./);
  await page.goto(`${CHAT}#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  await expect(page.locator('.op-fields details.sv-rest').first()).toHaveAttribute('open', '');
  // The field's name is its own link, shown on hover.
  await expect(page.locator(`[id="${id}"] > .sv-head > a.sv-name`)).toHaveAttribute('href', `#${id}`);
  // A response field: inside a closed response <details>.
  await page.goto(`${CHAT}#response-200.choices`);
  await expect(page.locator('[id="response-200"]')).toHaveAttribute('open', '');
  await expect(page.locator('[id="response-200.choices"]')).toBeInViewport();
  // A parameter row has its own anchor too.
  await page.goto('/reference/melious/retrieve-model/');
  const param = page.locator('tr[id^="path."]').first();
  await expect(param.locator('a.param-name')).toHaveAttribute('href', /^#path\./);
});

test('#try-it opens the console', async ({ page }) => {
  await page.goto(`${CHAT}#try-it`);
  await expect(page.locator('[data-op-console]')).toBeVisible();
  await expect(page.locator('.tryit-send').first()).toBeVisible();
});
