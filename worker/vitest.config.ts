import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { freshSecrets } from '../scripts/local-env';

export const TEST_RATE_LIMIT = 50;
const root = fileURLToPath(new URL('..', import.meta.url));

// Worker tests run inside workerd with the real wrangler.toml bindings and the same
// migration files `wrangler d1 migrations apply` reads.
export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: `${root}wrangler.toml` },
      miniflare: {
        // Low limits the rate-limit test can exceed quickly; fixtures sign in from distinct addresses.
        ratelimits: {
          API_RATE_LIMITER: { simple: { limit: TEST_RATE_LIMIT, period: 60 } },
          SIGN_IN_RATE_LIMITER: { simple: { limit: TEST_RATE_LIMIT, period: 60 } },
        },
        bindings: {
          TEST_RATE_LIMIT,
          ENVIRONMENT: 'test',
          ...freshSecrets(),
          TEST_MIGRATIONS: await readD1Migrations(`${root}migrations`),
        },
      },
    })),
  ],
  test: {
    name: 'worker',
    root,
    include: ['worker/**/*.test.ts'],
    setupFiles: ['worker/test/apply-migrations.ts'],
    testTimeout: 30_000,
  },
});
