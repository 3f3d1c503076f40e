import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorker, startLocalWorker, type LocalWorker } from '../../src/edge/index.node.ts';
import { loadApis } from '../../src/openapi/index.node.ts';
import { openConsole } from './tryit-helpers.ts';

// The site as the Worker serves it in local workerd (npm run start:edge): a reader's page from
// the assets, and the try-it console sending through the Worker's proxy to its own sandbox.

let worker: LocalWorker;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'edge-e2e-'));
  const { configPath } = await buildWorker({ apis: await loadApis('openapi'), outDir: dir, assetsDir: join(process.cwd(), 'dist/client') });
  worker = await startLocalWorker({ configPath, onOutput: () => {} });
});
test.afterAll(() => worker?.close());

test('the try-it console sends through the Worker to its sandbox', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion', undefined, worker.url);
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.getByRole('status').first()).toHaveText(/^200 OK in \d+ ms\.$/);
  await expect(tryit.getByLabel('Response body')).toContainText('"chat.completion"');
  await expect(tryit.locator('.tryit-sandbox')).toContainText('API_BASE_URL_MELANCHOLY');
});

test('a streamed answer arrives through the Worker to its end', async ({ page }) => {
  const tryit = await openConsole(page, 'melancholy', 'create-chat-completion', undefined, worker.url);
  await tryit.getByLabel('Stream the answer').check();
  await tryit.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tryit.locator('.tryit-status')).toHaveText(/stream complete/, { timeout: 20_000 });
  await expect(tryit.getByTestId('tryit-message')).toHaveText('Quiet rain on glass, the city hums a soft tune.');
});
