import { scheduledDatabases } from '../../db/scheduled';
import { tenants } from '../../db/schema';
import type { Env } from '../../env';
import { createCheckpoint } from './checkpoints';

/** Hourly: a signed checkpoint of every tenant's chain (idempotent when nothing changed). */
export async function checkpointAllTenants(env: Env, now: Date): Promise<void> {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  for (const tenant of await globalDb.select(tenants)) {
    await createCheckpoint(tenantDbFor(tenant.id), env.AUDIT_SIGNING_JWK, now);
  }
}
