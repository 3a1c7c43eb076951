import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Browser tests: the built test extension (`npm run build:extension:test`) loaded into Debian's
// Chromium through playwright-core. The global setup rebuilds it when sources are newer.
export default defineProject({
  test: {
    name: 'browser',
    root: repoRoot,
    include: ['extension/test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['extension/test/browser/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Pages, the background and the API all take part: give polled assertions real time.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
