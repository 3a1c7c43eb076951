/**
 * The calculation ledger: each stored line keeps its whole engine result (inputs, factor,
 * dataset version, rule, formula steps). The audit row of every write that sets a result
 * carries `ledger: {lineId: SHA-256 of its canonical JSON}`, so the chain covers the formulas:
 * a result changed outside the API no longer matches the last digest the chain recorded.
 */
import { and, asc, gt, like } from 'drizzle-orm';
import { auditLog, spendLines } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { canonicalJson } from '../../lib/crypto/canonical-json';
import { sha256Hex } from '../../lib/crypto/digest';

export type LedgerDigests = Record<string, string>;

export function formulaDigest(estimate: unknown): Promise<string> {
  return sha256Hex(canonicalJson(estimate));
}

export async function ledgerOf(
  rows: readonly { id: string; estimate: unknown }[],
): Promise<LedgerDigests> {
  const entries = await Promise.all(
    rows.map(async (row) => [row.id, await formulaDigest(row.estimate)] as const),
  );
  return Object.fromEntries(entries);
}

const PAGE = 500;

/** The last digest the chain recorded for each line, oldest audit row first. */
async function recordedDigests(db: TenantDb): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (let after = 0; ;) {
    const rows = await db
      .selectFields(
        auditLog,
        { seq: auditLog.seq, changes: auditLog.changes },
        and(gt(auditLog.seq, after), like(auditLog.changes, '%"ledger"%')),
      )
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of rows) {
      const changes = row.changes as { after?: { ledger?: LedgerDigests } };
      for (const [id, digest] of Object.entries(changes.after?.ledger ?? {}))
        digests.set(id, digest);
    }
    if (rows.length < PAGE) return digests;
    after = rows.at(-1)!.seq;
  }
}

/** Lines whose stored result differs from (or is missing in) what the audit chain recorded. */
export async function verifyLedger(db: TenantDb) {
  const recorded = await recordedDigests(db);
  const mismatched: string[] = [];
  let lines = 0;
  for (let afterId = ''; ;) {
    const page = await db
      .selectFields(
        spendLines,
        { id: spendLines.id, estimate: spendLines.estimate },
        gt(spendLines.id, afterId),
      )
      .orderBy(asc(spendLines.id))
      .limit(PAGE);
    for (const line of page) {
      if (recorded.get(line.id) !== (await formulaDigest(line.estimate))) mismatched.push(line.id);
    }
    lines += page.length;
    if (page.length < PAGE) break;
    afterId = page.at(-1)!.id;
  }
  return { ok: mismatched.length === 0, lines, mismatched };
}
