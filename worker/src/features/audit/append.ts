import { desc } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import {
  GENESIS_PREV_HASH,
  hashAuditRow,
  hashPersonalDetails,
  type AuditFieldValues,
  type AuditPersonalDetails,
} from '../../lib/crypto/audit-hash';

export interface AuditEvent {
  actor: string;
  action: `${string}.${string}`;
  entityType: string;
  entityId: string;
  /** Before/after of the changed fields only; never secrets or line text. */
  changes: { before?: AuditFieldValues; after?: AuditFieldValues };
  requestId: string;
  /** Erasable personal details (IP, user agent, names); the chain keeps only their hash. */
  personal?: AuditPersonalDetails | null;
  at: Date;
}

const MAX_ATTEMPTS = 8;

/**
 * Applies `changes` and appends one audit row in the same batch: both land or neither.
 * Concurrent appends race for the next `seq`; UNIQUE(tenant, seq) makes the loser's whole batch
 * fail, and it retries on the new head, so the chain never forks or skips.
 */
export async function writeWithAudit(
  db: TenantDb,
  changes: readonly TenantStatement[],
  event: AuditEvent,
): Promise<{ seq: number; hash: string }> {
  for (let attempt = 1; ; attempt++) {
    const row = await nextRow(db, event);
    try {
      await db.batch([...changes, db.insert(auditLog, row)]);
      return { seq: row.seq, hash: row.hash };
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isSeqConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

async function nextRow(db: TenantDb, event: AuditEvent) {
  const [head] = await db
    .selectFields(auditLog, { seq: auditLog.seq, hash: auditLog.hash })
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const personalHash = await hashPersonalDetails(event.personal ?? null);
  const fields = {
    tenantId: db.tenantId,
    seq: (head?.seq ?? 0) + 1,
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    changes: { before: event.changes.before ?? {}, after: event.changes.after ?? {} },
    requestId: event.requestId,
    personalHash,
    prevHash: head?.hash ?? GENESIS_PREV_HASH,
  };
  const { tenantId: _tenant, ...row } = {
    ...fields,
    personal: event.personal ?? null,
    hash: await hashAuditRow(fields),
  };
  return row;
}

function isSeqConflict(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? error);
  // Only the chain's own key: any other constraint (a trigger, another table's unique index)
  // fails the same way on every retry.
  return /UNIQUE constraint failed: audit_log\./.test(text);
}
