// An API with two versions on the built site (openapi/twilio-pricing/v1.json and v2.json):
// the switcher keeps the reader on the same operation, badges lead to the changelog, and the
// changelog page lists what changed, breaking or not.
import { expect, test } from '@playwright/test';

test('the version switcher stays on the same operation, and falls back to the overview', async ({ page }) => {
  await page.goto('/reference/twilio-pricing/fetch-voice-number/');
  const versions = page.getByRole('navigation', { name: 'API versions' });
  await expect(versions.getByRole('link', { name: /v2/ })).toHaveAttribute('aria-current', 'page');
  await versions.getByRole('link', { name: 'v1' }).click();
  await expect(page).toHaveURL(/\/reference\/twilio-pricing-v1\/fetch-voice-number\/$/);
  await expect(page.locator('.path-line code.path')).toContainText('/v1/Voice/Numbers/{Number}');
  // v1's Messaging is gone in v2: the v2 link goes to v2's overview.
  await page.goto('/reference/twilio-pricing-v1/list-messaging-country/');
  const v2 = page.getByRole('navigation', { name: 'API versions' }).getByRole('link', { name: /v2/ });
  await expect(v2).toHaveAttribute('href', '/reference/twilio-pricing/');
  await expect(v2).toHaveAttribute('title', 'Not in v2: its overview');
});

test('"New in v2" and "Changed in v2" badges link to the changelog entry', async ({ page }) => {
  await page.goto('/reference/twilio-pricing/list-trunking-country/');
  await expect(page.locator('.version-bar .badge')).toHaveText('New in v2');
  await page.goto('/reference/twilio-pricing/fetch-voice-number/');
  const badge = page.locator('.version-bar .badge');
  await expect(badge).toHaveText(/Changed in v2/);
  await badge.click();
  await expect(page).toHaveURL(/\/reference\/twilio-pricing\/changelog\/#v2-fetch-voice-number$/);
  const entry = page.locator('#v2-fetch-voice-number');
  await expect(entry).toContainText('Removed: path parameter Number');
  await expect(entry.locator('li', { hasText: 'Added: path parameter DestinationNumber' }).locator('.breaking')).toHaveText('Breaking');
  await expect(entry.locator('li', { hasText: 'Added: query parameter OriginationNumber' }).locator('.safe')).toHaveText('Compatible');
});

test('the changelog page lists removed, changed and added operations with their links', async ({ page }) => {
  await page.goto('/reference/twilio-pricing/changelog/');
  await expect(page.getByRole('heading', { level: 2, name: 'v1 → v2' })).toBeVisible();
  await expect(page.locator('.summary').first()).toHaveText(/4 removed, 2 changed, 3 added operations; \d+ breaking changes\./);
  const removed = page.locator('.op-removed').first();
  await expect(removed.getByRole('link')).toHaveAttribute('href', '/reference/twilio-pricing-v1/list-messaging-country/');
  await expect(page.locator('.op-added').first().getByRole('link')).toHaveAttribute('href', /\/reference\/twilio-pricing\/list-trunking-country\/$/);
  // The API is listed once in the site's reference list, with its changelog in its own sidebar.
  await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]')).toHaveText('Changelog');
  expect(await page.locator('main').innerText()).not.toMatch(/undefined|\[object Object\]/);
});

test('an older version says so and leads to the newest', async ({ page }) => {
  await page.goto('/reference/twilio-pricing-v1/fetch-voice-number/');
  const note = page.locator('.version-bar .older');
  await expect(note).toHaveText('You are reading v1, an older version. See v2.');
  await expect(note.getByRole('link')).toHaveAttribute('href', '/reference/twilio-pricing/fetch-voice-number/');
  await page.goto('/reference/twilio-pricing/fetch-voice-number/');
  await expect(page.locator('.version-bar .older')).toHaveCount(0);
});
