// Try-it against an API behind OAuth 2.0 / OpenID Connect, with a real authorization server
// (oidc-provider) and a resource API that checks its tokens, on a site served under /docs.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MACHINE_CLIENT, MACHINE_SECRET, PUBLIC_CLIENT } from '../fixtures/oauth/auth-server.ts';
import { startOAuthSite, type OAuthSite } from './oauth-site.ts';

let site: OAuthSite;
const tokens = new Set<string>();
const urls: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await startOAuthSite();
});

test.afterAll(async () => {
  await site?.close();
});

async function open(page: Page, operation = 'list-things'): Promise<Locator> {
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(`${site.url}/reference/things/${operation}/`);
  // The console waits behind "Try it", in the examples column.
  await page.locator('[data-tryit-open]').first().click();
  const island = page.locator('astro-island:has(.tryit)');
  await island.scrollIntoViewIfNeeded();
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  const tryit = page.locator('.tryit');
  await expect(tryit.locator('.tryit-oauth')).toBeVisible();
  return tryit;
}

/** What the console keeps: the access token is the key of this API (sessionStorage only). */
async function sessionToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => sessionStorage.getItem('tryit:key:things') ?? '');
  if (token) tokens.add(token);
  return token;
}

async function signIn(popup: Page) {
  // oidc-provider's own login and consent pages (any login works in its dev interactions).
  await popup.waitForURL(/\/interaction\//);
  const login = popup.locator('input[name="login"]');
  if (await login.isVisible().catch(() => false)) {
    await login.fill('reader@example.com');
    await popup.locator('input[name="password"]').fill('any');
    await popup.getByRole('button', { name: 'Sign-in' }).click();
  }
  const consent = popup.getByRole('button', { name: 'Continue' });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

/** A token by client credentials (the machine client), through the proxy. */
async function clientCredentials(tryit: Locator, scope?: RegExp) {
  await tryit.getByLabel('Flow', { exact: true }).selectOption({ label: 'Client credentials (oauth)' });
  await tryit.getByLabel('Client id').fill(MACHINE_CLIENT);
  await tryit.getByLabel(/Client secret/).fill(MACHINE_SECRET);
  if (scope) await tryit.getByRole('checkbox', { name: scope }).check();
  await tryit.getByRole('button', { name: 'Get a token' }).click();
  await expect(tryit.getByTestId('oauth-token')).toBeVisible();
}

async function send(tryit: Locator) {
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.locator('.tryit-status')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
}

test('authorization code + PKCE in a popup gets a token, and the call succeeds with it', async ({ page }) => {
  const tryit = await open(page);
  await tryit.getByLabel('Flow', { exact: true }).selectOption({ label: 'Authorization code + PKCE (oauth)' });
  await tryit.getByLabel('Client id').fill(PUBLIC_CLIENT);
  await tryit.getByRole('checkbox', { name: /things:read/ }).check();
  await expect(tryit.getByText(`${site.url}/tryit/oauth.callback/`)).toBeVisible();
  const popupOpened = page.waitForEvent('popup');
  await tryit.getByRole('button', { name: 'Sign in and get a token' }).click();
  const popup = await popupOpened;
  await signIn(popup);
  await popup.waitForEvent('close', { timeout: 15_000 });
  await expect(tryit.getByTestId('oauth-token')).toContainText(/expires in \d+ min · scopes [^·]*things:read · refreshes itself/);
  const token = await sessionToken(page);
  expect(token.length).toBeGreaterThan(20);
  await send(tryit);
  await expect(tryit.locator('.tryit-summary .tryit-code')).toHaveText(/^200/);
  await expect(tryit.getByLabel('Response body')).toContainText(`"client": "${PUBLIC_CLIENT}"`);
  expect(site.auth.accepted).toContain(token);
});

test('OpenID Connect, by redirect, comes back to the page under the base path and calls the API', async ({ page }) => {
  const tryit = await open(page, 'get-thing');
  await tryit.getByLabel('Flow', { exact: true }).selectOption({ label: 'OpenID Connect (oidc)' });
  await tryit.getByLabel('Client id').fill(PUBLIC_CLIENT);
  await expect(tryit.getByRole('checkbox', { name: /openid/ })).toBeChecked();
  await tryit.getByLabel('by leaving this page and coming back').check();
  await tryit.getByRole('button', { name: 'Sign in and get a token' }).click();
  await signIn(page);
  // Back at the console's heading: the page reopens the console it keeps behind "Try it", with no click.
  await page.waitForURL(`${site.url}/reference/things/get-thing/#try-it`);
  const back = page.locator('.tryit');
  await expect(back).toBeVisible();
  await expect(page.locator('[data-console-heading]')).toBeInViewport();
  await expect(back.getByTestId('oauth-token')).toContainText('expires in', { timeout: 15_000 });
  await send(back);
  await expect(back.locator('.tryit-summary .tryit-code')).toHaveText(/^200/);
  await sessionToken(page);
  expect(page.url()).not.toMatch(/code=|state=/);
});

test('client credentials get a token through the proxy; a wrong secret shows the server’s own error', async ({ page }) => {
  const tryit = await open(page);
  await tryit.getByLabel('Flow', { exact: true }).selectOption({ label: 'Client credentials (oauth)' });
  await tryit.getByLabel('Client id').fill(MACHINE_CLIENT);
  await tryit.getByLabel(/Client secret/).fill('not-the-secret');
  await tryit.getByRole('button', { name: 'Get a token' }).click();
  await expect(tryit.getByRole('alert')).toHaveText('The authorization server said “client authentication failed” (invalid_client, HTTP 401).');
  await tryit.getByLabel(/Client secret/).fill(MACHINE_SECRET);
  await tryit.getByRole('checkbox', { name: /things:read/ }).check();
  await tryit.getByRole('button', { name: 'Get a token' }).click();
  await expect(tryit.getByTestId('oauth-token')).toContainText('scopes things:read');
  await sessionToken(page);
  await send(tryit);
  await expect(tryit.getByLabel('Response body')).toContainText(`"client": "${MACHINE_CLIENT}"`);
  // The implicit and password flows are shown, not offered.
  await expect(tryit.getByRole('list', { name: 'Flows not offered' })).toContainText('Implicit (oauth): not offered. OAuth 2.1 removes this flow');
  await expect(tryit.getByLabel('Flow', { exact: true }).locator('option')).toHaveText(['Authorization code + PKCE (oauth)', 'Client credentials (oauth)', 'OpenID Connect (oidc)']);
});

test('an expired token is refreshed before the call', async ({ page }) => {
  site.auth.setAccessTokenTtl(2);
  const tryit = await open(page);
  await tryit.getByLabel('Flow', { exact: true }).selectOption({ label: 'Authorization code + PKCE (oauth)' });
  await tryit.getByLabel('Client id').fill(PUBLIC_CLIENT);
  await tryit.getByRole('checkbox', { name: /things:read/ }).check();
  const popupOpened = page.waitForEvent('popup');
  await tryit.getByRole('button', { name: 'Sign in and get a token' }).click();
  const popup = await popupOpened;
  await signIn(popup);
  await popup.waitForEvent('close', { timeout: 15_000 });
  const first = await sessionToken(page);
  site.auth.setAccessTokenTtl(600);
  await expect(tryit.getByTestId('oauth-token')).toContainText(/expired \d+ s ago/, { timeout: 10_000 });
  await send(tryit);
  await expect(tryit.locator('.tryit-summary .tryit-code')).toHaveText(/^200/);
  const second = await sessionToken(page);
  expect(second).not.toBe(first);
  expect(site.auth.accepted.at(-1)).toBe(second);
  expect(site.auth.accepted).not.toContain(first);
  await expect(tryit.getByTestId('oauth-token')).toContainText(/expires in \d+ min/);
});

test('the proxy refuses a token URL that is not in the spec', async ({ request }) => {
  const stolen = `${site.auth.origin}/token-elsewhere`;
  const answer = await request.post(`${site.url}/api/proxy/things/.oauth/token?url=${encodeURIComponent(stolen)}`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${MACHINE_CLIENT}:${MACHINE_SECRET}`).toString('base64')}` },
    data: 'grant_type=client_credentials',
  });
  expect(answer.status()).toBe(403);
  expect(answer.headers()['x-proxy-error']).toBe('PROXY_OAUTH_URL_REFUSED');
  expect(((await answer.json()) as { error: { message: string } }).error.message).toContain(`${stolen} is not a token URL of things's spec`);
});

test('environments switch a request’s values, on every page of the API', async ({ page }) => {
  const tryit = await open(page);
  await clientCredentials(tryit);
  const org = tryit.locator('[data-field="path:org"] input');
  await org.fill('org_42');
  await tryit.locator('[data-field="query:limit"] input').fill('3');
  await tryit.getByRole('button', { name: 'New from these values' }).click();
  await tryit.getByLabel('New environment name').fill('Org 42');
  await tryit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tryit.getByLabel('Environment', { exact: true })).toHaveValue('Org 42');
  await tryit.getByLabel('Environment', { exact: true }).selectOption({ label: 'None (this page’s values)' });
  await expect(org).toHaveValue('acme');
  await tryit.getByLabel('Environment', { exact: true }).selectOption('Org 42');
  await expect(org).toHaveValue('org_42');
  await send(tryit);
  await expect(tryit.getByLabel('Response body')).toContainText('"org": "org_42"');
  // Another page of the same API opens in the same environment.
  const other = await open(page, 'get-thing');
  await expect(other.getByLabel('Environment', { exact: true })).toHaveValue('Org 42');
  await expect(other.locator('[data-field="path:org"] input')).toHaveValue('org_42');
  await expect(other.locator('[data-field="path:id"] input')).toHaveValue('thing_1');
});

test('history reopens a request into the form, and keeps no token', async ({ page }) => {
  const tryit = await open(page);
  await clientCredentials(tryit);
  const org = tryit.locator('[data-field="path:org"] input');
  const limit = tryit.locator('[data-field="query:limit"] input');
  await org.fill('org_7');
  await limit.fill('4');
  await send(tryit);
  await expect(tryit.getByLabel('Response body')).toContainText('"org": "org_7"');
  await org.fill('somewhere_else');
  await limit.fill('1');
  const history = tryit.locator('.tryit-history');
  await history.locator('summary').click();
  const entries = history.locator('.tryit-history-list li');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('200');
  await expect(entries.first()).toContainText('GET /orgs/{org}/things');
  await expect(entries.first()).toContainText(/\d+ ms · \d+ B/);
  await entries.first().getByRole('button', { name: 'Open in the form' }).click();
  await expect(org).toHaveValue('org_7');
  await expect(limit).toHaveValue('4');
  const token = await sessionToken(page);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain('org_7');
  expect(stored).not.toContain(token);
  await history.getByRole('button', { name: 'Clear history' }).click();
  await expect(history.locator('summary')).toContainText('empty');
  expect(await page.evaluate(() => localStorage.getItem('tryit:history:things'))).toBeNull();
});

/** The console's critical or serious WCAG 2.2 AA violations (real axe-core). */
async function consoleViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.tryit').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`));
}

for (const theme of ['light', 'dark'] as const) {
  test(`the OAuth panel passes axe in the ${theme} theme, with an error, then a token, an answer and history`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const tryit = await open(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await tryit.getByLabel('Flow', { exact: true }).selectOption({ label: 'Client credentials (oauth)' });
    await tryit.getByLabel('Client id').fill(MACHINE_CLIENT);
    await tryit.getByLabel(/Client secret/).fill('not-the-secret');
    await tryit.getByRole('button', { name: 'Get a token' }).click();
    await expect(tryit.getByRole('alert')).toBeVisible();
    expect(await consoleViolations(page), 'with the server’s error').toEqual([]);
    await tryit.getByLabel(/Client secret/).fill(MACHINE_SECRET);
    await tryit.getByRole('button', { name: 'Get a token' }).click();
    await expect(tryit.getByTestId('oauth-token')).toBeVisible();
    await sessionToken(page);
    await send(tryit);
    await tryit.locator('.tryit-history summary').click();
    expect(await consoleViolations(page), 'with a token, an answer and history').toEqual([]);
  });
}

// Screenshots for review (SHOTS=1): the console with a token, an environment and history, light and dark, desktop and mobile.
for (const theme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } })) {
    test(`screens ${theme} ${device}`, async ({ page }) => {
      test.skip(!process.env.SHOTS, 'set SHOTS=1 to take the screenshots');
      mkdirSync('/tmp/shots', { recursive: true });
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const tryit = await open(page);
      // The first flow offered (authorization code): redirect URI to register, popup or redirect.
      await tryit.locator('.tryit-oauth').screenshot({ path: `/tmp/shots/tryit-oauth-${theme}-${device}-authcode.png` });
      await clientCredentials(tryit, /things:read/);
      await tryit.getByRole('button', { name: 'New from these values' }).click();
      await tryit.getByLabel('New environment name').fill('Staging');
      await tryit.getByRole('button', { name: 'Save', exact: true }).click();
      await send(tryit);
      await tryit.locator('.tryit-history summary').click();
      await tryit.locator('.tryit-env').scrollIntoViewIfNeeded();
      await tryit.screenshot({ path: `/tmp/shots/tryit-oauth-${theme}-${device}-console.png` });
      await page.screenshot({ path: `/tmp/shots/tryit-oauth-${theme}-${device}.png` });
      // The console scrolls inside its column on wide pages: the OAuth panel's lower half, as a reader sees it.
      await tryit.getByTestId('oauth-token').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/tryit-oauth-${theme}-${device}-token.png` });
    });
  }
}

test('no token in the proxy’s log, in any URL, or in localStorage', async () => {
  expect(tokens.size).toBeGreaterThanOrEqual(3);
  const log = site.output();
  expect(log).toContain('oauth-token');
  for (const token of tokens) {
    expect(log).not.toContain(token);
    for (const url of urls) expect(url).not.toContain(token);
  }
  expect(log).not.toContain(MACHINE_SECRET);
});
