import { expect, test } from '@playwright/test';
import { forbidEval, openConsole } from './tryit-helpers.ts';

// The answer is checked against its documented schema in a worker that loads the interpreter
// (@cfworker/json-schema) and the API's schemas only when the first answer arrives: nothing of
// it is on the page before.

test('the response check loads with the first answer, not with the page', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  await expect.poll(() => loaded.some((path) => path === '/tryit/melancholy/chat.js')).toBe(true);
  expect(loaded.filter((path) => /response-schemas|response-check/.test(path))).toEqual([]);
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await tryit.getByRole('tab', { name: /Check/ }).click();
  await expect(tryit.locator('.tryit-response').getByRole('tabpanel')).toContainText('Matches the documented schema (200 application/json)');
  expect(loaded).toContain('/tryit/melancholy/response-schemas.json');
  expect(loaded.some((path) => /response-check\.worker/.test(path))).toBe(true);
});

test('an answer that differs from its documented schema is listed field by field', async ({ page }) => {
  await page.route('**/api/proxy/melancholy/v1/chat/completions/', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, body: JSON.stringify({ ...body, created: 'now', model: undefined }) });
  });
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.getByRole('tab', { name: /Check/ })).toHaveText('Check (2)');
  await tryit.getByRole('tab', { name: /Check/ }).click();
  const panel = tryit.locator('.tryit-response').getByRole('tabpanel');
  await expect(panel).toContainText('Differences from the documented schema (200 application/json)');
  await expect(panel.locator('li')).toHaveText(['field model missing', 'field created is text ("now"), documented as a whole number']);
});

// A site whose Content-Security-Policy forbids eval (no 'unsafe-eval', for the page and for the
// worker's own script) still gets the check: nothing in it generates code, as Ajv would.
test('the response check runs under a Content-Security-Policy without unsafe-eval', async ({ page }) => {
  const refused = await forbidEval(page, ['**/reference/melancholy/create-chat-completion/', '**/response-check.worker*']);
  await page.route('**/api/proxy/melancholy/v1/chat/completions/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: JSON.stringify({ ...(await response.json()), created: 'now' }) });
  });
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion');
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.getByRole('tab', { name: /Check/ })).toHaveText('Check (1)');
  await tryit.getByRole('tab', { name: /Check/ }).click();
  await expect(tryit.locator('.tryit-response').getByRole('tabpanel').locator('li')).toHaveText(['field created is text ("now"), documented as a whole number']);
  expect(refused).toEqual([]);
});
