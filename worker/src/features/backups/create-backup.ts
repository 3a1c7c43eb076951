import { readTenantGlobalRows, readTenantTables } from '../../db/tenant-tables';
import type { TenantDb } from '../../db/tenant-db';
import type { Env } from '../../env';
import { utf8 } from '../../lib/crypto/encoding';
import { tenantObjectPrefix } from '../../lib/object-store';
import { activeKek, activeKeyRow } from '../../lib/tenant-key-ring';
import { withoutReviewText } from '../review/review-text';
import { sealBackup } from './backup-envelope';

export const BACKUP_CONTENT_FORMAT = 'spendprint-backup-content/v1';
export const BACKUP_RETENTION_DAYS = 30;

export function backupPrefix(tenantId: string): string {
  return `${tenantObjectPrefix(tenantId)}backup/`;
}

/** `bak_<epoch ms>_v<key version>_<random>`: listing sorts by time and tells the key apart. */
function backupIdFor(at: Date, kekVersion: number): string {
  return `bak_${at.getTime()}_v${kekVersion}_${crypto.randomUUID().slice(0, 8)}`;
}

export function parseBackupKey(r2Key: string): { createdAt: number; kekVersion: number } | null {
  const match = /\/bak_(\d+)_v(\d+)_[0-9a-f]{8}\.json$/.exec(r2Key);
  return match ? { createdAt: Number(match[1]), kekVersion: Number(match[2]) } : null;
}

/**
 * Every row of the tenant (unredacted: a backup must restore sign-in too, but without opt-in
 * review text, which must not outlive its 30 days) and the global rows it needs, sealed and
 * written to R2. The key is the time, so listing sorts oldest first.
 */
export async function createTenantBackup(env: Env, db: TenantDb, at: Date) {
  await activeKek(db, env.KEY_WRAPPING_SECRET, { actor: 'system', requestId: 'backup', at });
  const key = await activeKeyRow(db);
  if (!key?.wrappedKek) throw new Error('the tenant has no active key');
  const backupId = backupIdFor(at, key.version);
  const content = {
    format: BACKUP_CONTENT_FORMAT,
    tenantId: db.tenantId,
    createdAt: at.toISOString(),
    global: await readTenantGlobalRows(env, db.tenantId),
    tables: withoutReviewText(await readTenantTables(env, db.tenantId, { redactSecrets: false })),
  };
  const envelope = await sealBackup({
    masterSecret: env.KEY_WRAPPING_SECRET,
    key: { version: key.version, wrappedKek: key.wrappedKek },
    tenantId: db.tenantId,
    backupId,
    createdAt: at,
    plaintext: utf8(JSON.stringify(content)),
  });
  const r2Key = `${backupPrefix(db.tenantId)}${backupId}.json`;
  await env.BUCKET.put(r2Key, JSON.stringify(envelope), {
    httpMetadata: { contentType: 'application/json' },
    customMetadata: {
      sha256: envelope.sha256,
      kekVersion: String(key.version),
      createdAt: envelope.createdAt,
    },
  });
  return { r2Key, sha256: envelope.sha256, kekVersion: key.version };
}
