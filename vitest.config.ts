import { defineConfig } from 'vitest/config';

// One `vitest run` runs every suite: pure TypeScript (shared, scripts), the Worker inside
// workerd, extension units with WXT's fake browser, and the built extension in real Chromium.
export default defineConfig({
  test: {
    projects: [
      'shared/vitest.config.ts',
      'worker/vitest.config.ts',
      'extension/vitest.config.ts',
      'extension/vitest.browser.config.ts',
      'extension/vitest.browser-worker.config.ts',
      'worker/console/vitest.browser.config.ts',
    ],
  },
});
