import type { Env } from '../env';
import { createDatabase } from './client';
import { GlobalDb } from './global-db';
import { TenantDb } from './tenant-db';

/** The data layers for Cron jobs, which run per tenant outside any request. */
export function scheduledDatabases(env: Env) {
  const raw = createDatabase(env.DB);
  return {
    globalDb: new GlobalDb(raw),
    tenantDbFor: (tenantId: string) => new TenantDb(raw, tenantId),
  };
}
