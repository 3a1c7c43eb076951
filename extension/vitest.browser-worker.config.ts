import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The extension's page and sign-in tests again, against the real Worker instead of the stub:
// signed in to a local `wrangler dev` with the demo seed, reading the numbers the engine gives.
export default defineProject({
  test: {
    name: 'browser-worker',
    root: repoRoot,
    include: ['extension/test/browser/estimates.test.ts', 'extension/test/browser/session.test.ts'],
    environment: 'node',
    globalSetup: ['scripts/test-support/extension-worker-setup.ts'],
    fileParallelism: false,
    // As for the console: `wrangler dev` now and then leaves a request unanswered under load.
    retry: 1,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
