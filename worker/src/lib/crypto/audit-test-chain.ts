/** TEST ONLY: builds real hash-chained audit rows with the production functions. */
import {
  GENESIS_PREV_HASH,
  hashAuditRow,
  hashPersonalDetails,
  type AuditPersonalDetails,
  type AuditRow,
} from './audit-hash';
import type { ExportedAuditRow } from './audit-export-format';

export async function buildChain(
  tenantId: string,
  count: number,
  options: { startSeq?: number; startPrevHash?: string } = {},
): Promise<ExportedAuditRow[]> {
  const rows: ExportedAuditRow[] = [];
  let prevHash = options.startPrevHash ?? GENESIS_PREV_HASH;
  const startSeq = options.startSeq ?? 1;
  for (let i = 0; i < count; i++) {
    const seq = startSeq + i;
    const personal: AuditPersonalDetails | null =
      seq % 3 === 0
        ? null
        : { ip: `203.0.113.${seq % 250}`, userAgent: 'Mozilla/5.0', names: ['Ada Admin'] };
    const row: AuditRow = {
      tenantId,
      seq,
      at: new Date(Date.UTC(2026, 10, 5, 10, 0, seq)).toISOString(),
      actor: `usr_${seq % 4}`,
      action: seq % 2 ? 'report.approve' : 'rule.update',
      entityType: seq % 2 ? 'report' : 'rule',
      entityId: `ent_${seq}`,
      changes: {
        before: { status: 'draft', amount: seq * 1.5 },
        after: { status: 'approved', note: `é ${seq} "q"` },
      },
      requestId: `req_${seq}`,
      personalHash: await hashPersonalDetails(personal),
      prevHash,
    };
    const hash = await hashAuditRow(row);
    rows.push({ ...row, hash, personal });
    prevHash = hash;
  }
  return rows;
}
