import { defineConfig } from 'vitest/config';

// End-to-end: the built extension (.output/chrome-mv3) in headless Chromium via playwright-core.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
