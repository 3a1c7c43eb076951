import { desc } from 'drizzle-orm';
import { auditLog, auditCheckpoints } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import {
  importCheckpointSigningKey,
  signCheckpoint,
  type CheckpointSigningKey,
} from '../../lib/crypto/checkpoint';
import { GENESIS_PREV_HASH } from '../../lib/crypto/audit-hash';

export const CHECKPOINT_KEY_NAME = 'spendprint-audit';
let signingKey: Promise<CheckpointSigningKey> | undefined;
let signingKeySource: string | undefined;

export function checkpointKey(privateJwkJson: string): Promise<CheckpointSigningKey> {
  if (signingKeySource !== privateJwkJson) {
    signingKeySource = privateJwkJson;
    signingKey = importCheckpointSigningKey(JSON.parse(privateJwkJson));
  }
  return signingKey!;
}

/**
 * Signs (tenant, size, head hash, time) of the chain as it stands, or up to `upTo` (the last
 * row a retention purge removes); idempotent per size.
 */
export async function createCheckpoint(
  db: TenantDb,
  privateJwkJson: string,
  now: Date,
  upTo?: { seq: number; hash: string },
) {
  const [head] = upTo
    ? [upTo]
    : await db
        .selectFields(auditLog, { seq: auditLog.seq, hash: auditLog.hash })
        .orderBy(desc(auditLog.seq))
        .limit(1);
  const content = {
    tenantId: db.tenantId,
    size: head?.seq ?? 0,
    headHash: head?.hash ?? GENESIS_PREV_HASH,
    time: now.toISOString(),
  };
  const note = await signCheckpoint(
    await checkpointKey(privateJwkJson),
    CHECKPOINT_KEY_NAME,
    content,
  );
  const row = { size: content.size, headHash: content.headHash, at: content.time, note };
  await db.batch([db.insertOrIgnore(auditCheckpoints, row)]);
  return row;
}
