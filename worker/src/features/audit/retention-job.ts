import { desc, isNull, lt, lte } from 'drizzle-orm';
import { scheduledDatabases } from '../../db/scheduled';
import { auditLog, tenants } from '../../db/schema';
import type { Env } from '../../env';
import { createCheckpoint } from './checkpoints';

export const AUDIT_RETENTION_YEARS = 7;

function retentionCutoff(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - AUDIT_RETENTION_YEARS);
  return cutoff.toISOString();
}

/**
 * Hourly: audit rows older than 7 years go. First a signed checkpoint at the last row that
 * goes, so the chain that remains still verifies from its new start (the database triggers
 * refuse to delete anything younger).
 */
export async function enforceAuditRetention(env: Env, now: Date): Promise<void> {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  const cutoff = retentionCutoff(now);
  for (const tenant of await globalDb.select(tenants, isNull(tenants.purgeCompletedAt))) {
    const db = tenantDbFor(tenant.id);
    const [lastExpired] = await db
      .selectFields(auditLog, { seq: auditLog.seq, hash: auditLog.hash }, lt(auditLog.at, cutoff))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    if (!lastExpired) continue;
    await createCheckpoint(db, env.AUDIT_SIGNING_JWK, now, lastExpired);
    await db.batch([db.delete(auditLog, lte(auditLog.seq, lastExpired.seq))]);
  }
}
