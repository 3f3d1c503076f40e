import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Kept under tests/ so the top level holds only the files the layout allows.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['src/**/*.test.ts', 'tests/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/system/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
