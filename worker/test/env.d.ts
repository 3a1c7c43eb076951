import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../src/env';
import type * as mainModule from '../src/index';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      TEST_RATE_LIMIT: number;
    }
    interface GlobalProps {
      mainModule: typeof mainModule;
    }
  }
}
