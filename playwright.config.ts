import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './tests/system/tools.ts';

const port = Number(process.env.E2E_PORT ?? 4380);

export default defineConfig({
  testDir: 'tests/e2e',
  // The *-screens specs take screenshots for people to look at; `SHOTS=1 npx playwright test` runs them.
  testIgnore: process.env.SHOTS ? [] : ['**/*-screens.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  // The built site (npm test builds it first) with the sandbox upstream, on test ports.
  webServer: {
    command: 'node src/server/start.node.ts',
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), SANDBOX_PORT: String(port + 1) },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
