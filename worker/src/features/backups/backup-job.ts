import { isNull } from 'drizzle-orm';
import { scheduledDatabases } from '../../db/scheduled';
import { tenants } from '../../db/schema';
import type { Env } from '../../env';
import {
  backupPrefix,
  BACKUP_RETENTION_DAYS,
  createTenantBackup,
  parseBackupKey,
} from './create-backup';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function listBackups(bucket: R2Bucket, tenantId: string) {
  const objects: R2Object[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: backupPrefix(tenantId), cursor });
    objects.push(...page.objects);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return objects;
}

export const createdAtOf = (object: R2Object) => parseBackupKey(object.key)?.createdAt ?? 0;

/** Deletes a tenant's backups made under a key version (called when that version is revoked). */
export async function deleteBackupsUnderKey(bucket: R2Bucket, tenantId: string, version: number) {
  const under = (await listBackups(bucket, tenantId)).filter(
    (object) => parseBackupKey(object.key)?.kekVersion === version,
  );
  if (under.length > 0) await bucket.delete(under.map((object) => object.key));
  return under.length;
}

/** Nightly Cron: a backup per live tenant; backups past the retention window are deleted. */
export async function backupAllTenants(env: Env, now: Date): Promise<void> {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  for (const tenant of await globalDb.select(tenants, isNull(tenants.purgeCompletedAt))) {
    await createTenantBackup(env, tenantDbFor(tenant.id), now);
    const backups = await listBackups(env.BUCKET, tenant.id);
    const expired = backups.filter(
      (object) => now.getTime() - createdAtOf(object) > BACKUP_RETENTION_DAYS * DAY_MS,
    );
    if (expired.length > 0) await env.BUCKET.delete(expired.map((object) => object.key));
  }
}
