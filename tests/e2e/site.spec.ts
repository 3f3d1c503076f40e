import { expect, test } from '@playwright/test';

test('the landing page leads to the first request in one click', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: /first request/i }).click();
  await expect(page).toHaveURL(/\/start\/quickstart\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Quickstart' })).toBeVisible();
  await expect(page.locator('code', { hasText: '/v1/chat/completions' }).first()).toBeVisible();
});

test('every guide page renders with a title and no leaked placeholders', async ({ page }) => {
  for (const path of ['/start/introduction/', '/start/authentication/', '/guides/errors/', '/guides/streaming/', '/guides/response-fields/']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const text = await page.locator('main').innerText();
    expect(text, path).not.toMatch(/undefined|\[object Object\]/);
  }
});

test('dark mode follows the theme picker', async ({ page }) => {
  await page.goto('/start/quickstart/');
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
