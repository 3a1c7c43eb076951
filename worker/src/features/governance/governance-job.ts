import { and, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import { scheduledDatabases } from '../../db/scheduled';
import { accessLog, tenants } from '../../db/schema';
import { purgeTenantRows } from '../../db/tenant-tables';
import type { Env } from '../../env';
import { tenantObjectPrefix } from '../../lib/object-store';
import { accessLogCutoff, DELETION_WINDOW_DAYS } from './retention-schedule';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes every R2 object under the tenant's prefix. */
async function deleteTenantObjects(bucket: R2Bucket, tenantId: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: tenantObjectPrefix(tenantId), cursor });
    if (page.objects.length > 0) await bucket.delete(page.objects.map((o) => o.key));
    deleted += page.objects.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}

/**
 * Tenants whose deletion window ended: objects first (they are unreadable without the keys
 * anyway), then every row in one batch, which also destroys the wrapped keys.
 */
export async function purgeDeletedTenants(env: Env, now: Date): Promise<string[]> {
  const { globalDb } = scheduledDatabases(env);
  const windowStart = new Date(now.getTime() - DELETION_WINDOW_DAYS * DAY_MS);
  const due = await globalDb.select(
    tenants,
    and(
      isNotNull(tenants.deletionRequestedAt),
      lte(tenants.deletionRequestedAt, windowStart),
      isNull(tenants.purgeCompletedAt),
    ),
  );
  for (const tenant of due) {
    const objects = await deleteTenantObjects(env.BUCKET, tenant.id);
    const tables = await purgeTenantRows(env, tenant.id, now);
    console.info(
      JSON.stringify({
        event: 'tenant-purged',
        tenantId: tenant.id,
        objects,
        tables: tables.length,
      }),
    );
  }
  return due.map((tenant) => tenant.id);
}

/** The access log is kept 13 months. */
export async function enforceAccessLogRetention(env: Env, now: Date): Promise<void> {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  const cutoff = accessLogCutoff(now);
  for (const tenant of await globalDb.select(tenants, isNull(tenants.purgeCompletedAt))) {
    const db = tenantDbFor(tenant.id);
    await db.batch([db.delete(accessLog, lt(accessLog.at, cutoff))]);
  }
}

/** The hourly governance job: deletion windows, then retention. */
export async function governanceJob(env: Env, now: Date): Promise<void> {
  await purgeDeletedTenants(env, now);
  await enforceAccessLogRetention(env, now);
}
