import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The console in Debian Chromium (playwright-core) against a real local Worker: `wrangler dev
// --local` with its own temporary D1/R2, migrations applied and the demo seeded. Needs the built
// console (`npm run build:console`, which `npm test` runs first).
export default defineProject({
  test: {
    name: 'console-browser',
    root: repoRoot,
    // *.e2e.ts, not *.test.ts: the workerd project picks up worker/**/*.test.ts.
    include: ['worker/console/test/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    // One retry: `wrangler dev` now and then leaves a request unanswered under load (a page load
    // stalled for 30 s in one CI run of three; upstream: cloudflare/workers-sdk#3942, #14641).
    // A test that fails twice still fails.
    retry: 1,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // The page waits on a real Worker: give expect.poll more than its 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
