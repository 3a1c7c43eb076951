import { and, asc, desc, eq, gt, gte, lte, type SQL } from 'drizzle-orm';
import { auditCheckpoints, auditLog } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import {
  GENESIS_PREV_HASH,
  type AuditPersonalDetails,
  type AuditRow,
} from '../../lib/crypto/audit-hash';
import { serializeAuditExport } from '../../lib/crypto/audit-export-format';

export interface AuditFilter {
  from?: string;
  to?: string;
  entity?: string;
  actor?: string;
}

export function auditFilter(filter: AuditFilter, afterSeq = 0): SQL | undefined {
  return and(
    afterSeq > 0 ? gt(auditLog.seq, afterSeq) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
    filter.entity ? eq(auditLog.entityType, filter.entity) : undefined,
    filter.actor ? eq(auditLog.actor, filter.actor) : undefined,
  );
}

/** The chained fields plus the stored hash: what verification and exports need, nothing personal. */
export function toChainRow(row: typeof auditLog.$inferSelect): AuditRow & { hash: string } {
  return {
    tenantId: row.tenantId,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes as AuditRow['changes'],
    requestId: row.requestId,
    personalHash: row.personalHash,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export async function chainRows(db: TenantDb, filter: AuditFilter = {}) {
  const rows = await db.select(auditLog, auditFilter(filter)).orderBy(asc(auditLog.seq));
  return rows.map(toChainRow);
}

/**
 * The verifiable JSONL export (format in lib/crypto/audit-export-format.ts): a header naming
 * where the range starts, then each row with its stored hash and erasable personal details.
 */
export async function jsonlExport(
  db: TenantDb,
  filter: AuditFilter,
  exportedAt: Date,
): Promise<string> {
  const rows = await db.select(auditLog, auditFilter(filter)).orderBy(asc(auditLog.seq));
  const first = rows[0];
  const header = {
    tenantId: db.tenantId,
    exportedAt: exportedAt.toISOString(),
    startSeq: first?.seq ?? 1,
    startPrevHash: first?.prevHash ?? GENESIS_PREV_HASH,
  };
  const exported = rows.map((row) => ({
    ...toChainRow(row),
    personal: (row.personal ?? null) as AuditPersonalDetails | null,
  }));
  return serializeAuditExport(header, exported);
}

export async function latestCheckpoint(db: TenantDb) {
  const [checkpoint] = await db
    .select(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.size))
    .limit(1);
  return checkpoint;
}
