import { expect, test, type Page } from '@playwright/test';

// The try-it console on real operation pages, sending through the site's proxy to the
// sandbox upstream (Playwright's web server is `node src/server/start.node.ts`).

import { growEmbeddings, KEY, openConsole, slowStreams } from './tryit-helpers.ts';

test('a non-streamed chat completion shows status, timings, the body and the sandbox badge', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.getByRole('status').first()).toHaveText(/^200 OK in \d+ ms\.$/);
  await expect(tryit.locator('.tryit-summary')).toContainText(/first byte \d+ ms/);
  await expect(tryit.getByLabel('Response body')).toContainText('"chat.completion"');
  await expect(tryit.locator('.tryit-sandbox')).toContainText('API_BASE_URL_MELANCHOLY');
  await tryit.getByRole('tab', { name: /Check/ }).click();
  await expect(tryit.locator('.tryit-response').getByRole('tabpanel')).toContainText('Matches the documented schema (200 application/json)');
  // The key never lands in the URL or the page's storage beyond this tab's session.
  expect(await page.evaluate(() => [sessionStorage.getItem('tryit:key:melancholy'), localStorage.getItem('tryit:key:melancholy')])).toEqual([KEY, null]);
  expect(page.url()).not.toContain(KEY);
});

test('a streamed chat completion shows partial text before the stream ends', async ({ page }) => {
  await slowStreams(page, 300);
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  await tryit.getByLabel('Stream the answer').check();
  await expect(tryit.getByLabel('Request body (JSON)')).toHaveValue(/"stream": true/);
  // Record what the message shows while the stream is still open.
  await page.evaluate(() => {
    const seen: Array<{ text: string; state: string | null }> = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      const message = document.querySelector('[data-testid="tryit-message"]');
      const state = document.querySelector('.tryit-status')?.getAttribute('data-state') ?? null;
      if (message) seen.push({ text: message.textContent ?? '', state });
    }).observe(document.querySelector('.tryit')!, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.locator('.tryit-status')).toHaveText(/stream complete, 2 tokens/, { timeout: 20_000 });
  const final = 'Quiet rain on glass, the city hums a soft tune.';
  await expect(tryit.getByTestId('tryit-message')).toHaveText(final);
  const seen = await page.evaluate(() => (window as unknown as { seen: Array<{ text: string; state: string }> }).seen);
  const partial = seen.filter((s) => s.state === 'receiving' && s.text !== '' && s.text !== final);
  expect(partial.length).toBeGreaterThan(0);
  expect(final.startsWith(partial[0].text)).toBe(true);
  await expect(tryit.locator('.tryit-summary')).toContainText(/first token \d+/);
  await tryit.getByRole('tab', { name: /Events/ }).click();
  await expect(tryit.locator('.tryit-events li').last()).toHaveText('data: [DONE]');
});

test('cancel stops a stream in the middle', async ({ page }) => {
  await slowStreams(page, 1500);
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  await tryit.getByLabel('Stream the answer').check();
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.getByTestId('tryit-message')).not.toHaveText('', { timeout: 20_000 });
  await tryit.getByRole('button', { name: 'Cancel' }).click();
  await expect(tryit.locator('.tryit-status')).toHaveText(/^Cancelled after/);
  await expect(tryit.getByTestId('tryit-message')).not.toHaveText('Quiet rain on glass, the city hums a soft tune.');
  await expect(tryit.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
});

test('an image generation renders the image with its size', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-image');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  const image = tryit.locator('.tryit-media img');
  await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(tryit.locator('.tryit-figure figcaption')).toContainText(/image\/png · \d+ B · \d+×\d+/);
  // The raw JSON is one click away.
  await tryit.getByRole('button', { name: 'Show raw JSON' }).click();
  await expect(tryit.getByLabel('Response body')).toContainText('"b64_json"');
});

test('a video task is polled to completion with a visible timeline', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-video-task');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.getByLabel('Response body')).toContainText('task_id');
  await tryit.getByRole('button', { name: 'Poll until done' }).click();
  const timeline = tryit.getByRole('list', { name: 'Status timeline' });
  await expect(timeline.locator('li[data-status]').first()).toContainText('PENDING', { timeout: 10_000 });
  await expect(tryit.locator('[data-outcome="done"]')).toHaveText(/Done: COMPLETED after 3 polls/, { timeout: 20_000 });
  await expect(timeline.locator('li[data-status]')).toHaveText([/PENDING/, /PROCESSING/, /COMPLETED/]);
  await expect(tryit.locator('.tryit-poll video')).toHaveAttribute('src', /\.mp4$/);
});

test('validation errors show inline with their path, and an invalid request can still be sent', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-image');
  await tryit.getByRole('button', { name: 'Form' }).click();
  await tryit.getByLabel(/^n/).fill('0');
  const n = tryit.locator('[data-field="body:n"]');
  await expect(n.locator('.tryit-errors')).toHaveText('must be at least 1');
  await expect(tryit.getByLabel(/^n/)).toHaveAttribute('aria-invalid', 'true');
  await tryit.getByRole('button', { name: 'JSON' }).click();
  const editor = tryit.getByLabel('Request body (JSON)');
  await editor.fill('{"n": 0, "size": "big"}');
  const problems = tryit.getByRole('list', { name: 'Problems in the body' });
  await expect(problems).toContainText('prompt is required');
  await expect(problems).toContainText('size must match the pattern');
  await expect(problems).toContainText('n must be at least 1');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.getByRole('alert')).toContainText('3 problems in the request.');
  await tryit.getByRole('button', { name: 'Send anyway' }).click();
  await expect(tryit.locator('.tryit-status')).toHaveText(/^400 /);
});

test('without a key the API answers with its own auth error', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion', null);
  await expect(tryit.getByLabel('API key')).toHaveValue('');
  await expect(tryit.locator('.tryit-key .tryit-hint')).toContainText('No key');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.locator('.tryit-status')).toHaveText(/^401 /);
  await expect(tryit.getByLabel('Response body')).toContainText('"error"');
});

// How long keystrokes wait while a 2 MB answer renders is a figure of `npm run bench -- tryit`
// (timings belong in the bench, not in a test that a busy machine would fail); this test holds
// what keeps them short: only a preview of the body is laid out, and typing goes on meanwhile.
test('a 2 MB response renders a preview, and what is typed meanwhile is kept', async ({ page }) => {
  const tryit = await openConsole(page, 'melious', 'create-embedding');
  await growEmbeddings(page, 2600);
  const editor = tryit.getByLabel('Request body (JSON)');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await editor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' typed-during-render', { delay: 15 });
  await expect(tryit.locator('.tryit-status')).toHaveText(/^200 OK/);
  await expect(editor).toHaveValue(/typed-during-render$/);
  expect(Number((await tryit.locator('.tryit-summary').textContent())?.match(/([\d.]+) MB/)?.[1])).toBeGreaterThanOrEqual(2);
  // The preview: the first PREVIEW_LIMIT (60,000) characters of 2 MB, then "Show all" lays out the rest.
  const body = tryit.getByLabel('Response body');
  await expect(tryit.locator('.tryit-more')).toContainText(/Showing the first 60 thousand of \d{4} thousand characters/);
  const previewLength = (await body.textContent())!.length;
  expect(previewLength).toBeGreaterThan(50_000);
  expect(previewLength).toBeLessThanOrEqual(60_000);
  await tryit.getByRole('button', { name: 'Show all' }).click();
  await expect(tryit.locator('.tryit-more')).toHaveCount(0);
  expect((await body.textContent())!.length).toBeGreaterThan(2_000_000);
});

test('the live code follows the form with the key masked, and Send sends the request it shows', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-image');
  const code = tryit.locator('.tryit-code-panel pre');
  await expect(code).toContainText(`${new URL(page.url()).origin}/api/proxy/melancholy/v1/images/generations/`);
  await expect(code).not.toContainText(KEY);
  await expect(code).toContainText('sk-t');
  await tryit.getByLabel('Request body (JSON)').fill('{"prompt": "a lighthouse in fog", "n": 1}');
  await expect(code).toContainText('a lighthouse in fog');
  await tryit.getByRole('button', { name: 'Reveal key' }).click();
  await expect(code).toContainText(KEY);
  await tryit.getByRole('tab', { name: /Python/ }).first().click();
  await expect(code).toContainText('a lighthouse in fog');
  // Arrow keys move between the languages, as in the page's own tabs.
  await tryit.getByRole('tab', { selected: true }).press('ArrowRight');
  await expect(tryit.locator('.tryit-code-tabs [aria-selected="true"]')).toBeFocused();
  const sent = page.waitForRequest('**/api/proxy/melancholy/v1/images/generations/');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  const request = await sent;
  expect(request.postDataJSON()).toEqual({ prompt: 'a lighthouse in fog', n: 1 });
  expect(request.headers().authorization).toBe(`Bearer ${KEY}`);
  await expect(tryit.locator('.tryit-status').first()).toHaveText(/^200 OK/);
});

test('the console works with the keyboard alone and announces the result', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-image', null);
  await tryit.getByLabel('API key').focus();
  await page.keyboard.type(KEY);
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate(() => document.activeElement?.textContent === 'Send')) break;
    await page.keyboard.press('Tab');
  }
  await expect(tryit.getByRole('button', { name: 'Send', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const live = tryit.locator('[role="status"][aria-live="polite"]');
  await expect(live).toHaveText(/^200 OK in \d+ ms\.$/);
  // Every input has a label.
  const unlabelled = await tryit.locator('input, select, textarea').evaluateAll((els) => els.filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML));
  expect(unlabelled).toEqual([]);
});

test('a stream cut in the middle says so', async ({ page }) => {
  await slowStreams(page, 200, 2);
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  await tryit.getByLabel('Stream the answer').check();
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.locator('.tryit-status')).toHaveText('200 OK: the stream was cut before it finished (no [DONE] received).');
  await expect(tryit.locator('.tryit-status')).toHaveAttribute('data-ending', 'cut');
  await expect(tryit.getByTestId('tryit-message')).toHaveText('Quiet rain on glass,');
});

test('a multipart body gets a file input, and the chosen file is uploaded', async ({ page }) => {
  const tryit = await openConsole(page, 'melious', 'create-transcription');
  const file = tryit.getByLabel(/^file/);
  await expect(file).toHaveAttribute('type', 'file');
  await expect(tryit.locator('[data-field="body:file"] .tryit-errors')).toHaveText('is required');
  // Sent on purpose without the file: the API itself refuses it.
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await tryit.getByRole('button', { name: 'Send anyway' }).click();
  await expect(tryit.locator('.tryit-status').first()).toHaveText(/^400 /);
  await file.setInputFiles({ name: 'meeting.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('ID3 fake audio bytes') });
  await expect(tryit.locator('[data-field="body:file"] .tryit-errors')).toHaveCount(0);
  const sent = page.waitForRequest('**/api/proxy/melious/v1/audio/transcriptions');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  expect((await sent).headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  await expect(tryit.locator('.tryit-status').first()).toHaveText(/^200 OK/);
  await expect(tryit.getByLabel('Response body')).toContainText('"text"');
});

test('a generation fetch endpoint (seed 004 style, id in the query) is polled to its result', async ({ page }) => {
  const tryit = await openConsole(page, 'aimlapi', 'create-kling-video-generation');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await tryit.getByRole('button', { name: 'Poll until done' }).click();
  await expect(tryit.locator('[data-outcome="done"]')).toHaveText(/^Done: completed after \d+ polls\.$/, { timeout: 30_000 });
  await expect(tryit.locator('.tryit-poll video')).toHaveAttribute('src', /^https:\/\/.+\.mp4$/);
});

test('the stream checkbox and the JSON body agree both ways', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  const editor = tryit.getByLabel('Request body (JSON)');
  const box = tryit.getByLabel('Stream the answer');
  await box.check();
  await expect(editor).toHaveValue(/"stream": true/);
  await box.uncheck();
  await expect(editor).not.toHaveValue(/"stream"/);
  await editor.fill('{"model": "qwen3-max", "messages": [{"role": "user", "content": "Hi"}], "stream": true}');
  await expect(box).toBeChecked();
  const sent = page.waitForRequest('**/api/proxy/melancholy/v1/chat/completions/');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  expect((await sent).headers().accept).toBe('text/event-stream');
  await expect(tryit.locator('.tryit-status')).toHaveText(/stream complete/);
});

test('the key is shared by the pages of one API, per tab unless remembered on the device', async ({ page, context }) => {
  let tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  tryit = await openConsole(page, 'melancholy', 'create-image', null);
  await expect(tryit.getByLabel('API key')).toHaveValue(KEY);
  await expect(tryit.getByLabel('API key')).toHaveAttribute('type', 'password');
  tryit = await openConsole(page, 'melious', 'create-image', null);
  await expect(tryit.getByLabel('API key')).toHaveValue('');
  // A new tab has no key unless it was remembered.
  const other = await context.newPage();
  let fresh = await openConsole(other, 'melancholy', 'create-image', null);
  await expect(fresh.getByLabel('API key')).toHaveValue('');
  tryit = await openConsole(page, 'melancholy', 'create-image', null);
  await tryit.getByLabel('Remember on this device').check();
  expect(await page.evaluate(() => localStorage.getItem('tryit:key:melancholy'))).toBe(KEY);
  fresh = await openConsole(other, 'melancholy', 'create-video-task', null);
  await expect(fresh.getByLabel('API key')).toHaveValue(KEY);
  await expect(fresh.getByLabel('Remember on this device')).toBeChecked();
});

test('the server picker sends straight to a spec server, and says why that can fail', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-image');
  const server = tryit.getByLabel('Server');
  await expect(server).toHaveValue('/api/proxy/melancholy');
  await server.selectOption({ label: 'Production (https://app.melancholyai.fun/api)' });
  await expect(tryit.getByText('only if the API allows this site (CORS)')).toBeVisible();
  // No network here: the direct request fails the way a CORS refusal does.
  await page.route('https://app.melancholyai.fun/**', (route) => route.abort('failed'));
  const sent = page.waitForRequest('https://app.melancholyai.fun/api/v1/images/generations/');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await sent;
  await expect(tryit.locator('.tryit-status')).toContainText('No answer: Failed to fetch. Sent straight to the API');
});

test('a binary audio answer gets a player', async ({ page }) => {
  const tryit = await openConsole(page, 'melious', 'create-speech');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.locator('.tryit-status').first()).toHaveText(/^200 OK/);
  const audio = tryit.locator('.tryit-media audio');
  await expect(audio).toHaveAttribute('src', /^blob:/);
  await expect(tryit.locator('.tryit-figure figcaption')).toContainText(/audio\/\S+ · \d+/);
});
