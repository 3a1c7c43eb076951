import { eq, type SQL } from 'drizzle-orm';
import type { EstimateResult } from '../../../../shared/api/estimates';
import { estimateLine, type TenantContext, type TenantRule } from '../../../../shared/engine';
import { spendLines } from '../../db/schema';
import { ledgerOf, type LedgerDigests } from '../spend/ledger';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import { estimateFacts } from '../spend/line-facts';

type SpendRow = typeof spendLines.$inferSelect;

/** The most lines one resolution re-estimates; the rest keep their estimate until the next. */
export const MAX_REESTIMATED_LINES = 500;

/**
 * Stands in for the description, which is not stored: rules by hash, supplier and GL account
 * still match, and the reviewer's NAICS is passed as the line's given code, so the classifier
 * never sees this text.
 */
const NOT_STORED = 'description not stored';

const SPECIFICITY: Record<TenantRule['kind'], number> = {
  'description-hash': 0,
  keyword: 1,
  supplier: 2,
  'gl-account': 3,
};

export function affectedCondition(
  kind: TenantRule['kind'] | undefined,
  subject: { descriptionHash: string | null; supplierKey: string; glAccount: string | null },
): SQL | undefined {
  if (kind === 'supplier') return eq(spendLines.supplierKey, subject.supplierKey);
  if (kind === 'gl-account' && subject.glAccount)
    return eq(spendLines.glAccount, subject.glAccount);
  if (subject.descriptionHash) return eq(spendLines.descriptionHash, subject.descriptionHash);
  return undefined;
}

/**
 * Re-estimates stored lines after a reviewer's decision: a line classified by a rule more
 * specific than the new one keeps its classification; the others get the tenant rules (the new
 * one included) or, failing those, the reviewer's NAICS.
 */
export async function reestimateStatements(
  db: TenantDb,
  lines: readonly SpendRow[],
  decision: { naics: string; ruleKind?: TenantRule['kind']; forceLineId?: string },
  context: TenantContext,
  ruleVersion: number,
  at: Date,
): Promise<{ statements: TenantStatement[]; ledger: LedgerDigests }> {
  const statements: TenantStatement[] = [];
  const changed: { id: string; estimate: unknown }[] = [];
  for (const line of lines) {
    const current = line.estimate as EstimateResult;
    const currentRule = current.status === 'unable' ? current.classification?.rule : current.rule;
    const limit = decision.ruleKind === undefined ? 99 : SPECIFICITY[decision.ruleKind];
    if (line.id !== decision.forceLineId && currentRule && SPECIFICITY[currentRule.kind] < limit) {
      continue;
    }
    if (line.id !== decision.forceLineId && decision.ruleKind === undefined && currentRule)
      continue;
    const result = estimateLine(
      {
        description: NOT_STORED,
        descriptionHash: line.descriptionHash,
        amount: line.amount,
        currency: line.currency,
        date: line.date,
        naics: decision.naics,
        ...(line.supplier ? { supplier: line.supplier } : {}),
        ...(line.glAccount ? { glAccount: line.glAccount } : {}),
        ...(line.quantity !== null ? { quantity: line.quantity } : {}),
      },
      context,
    );
    const facts = estimateFacts(result, line.amount, line.currency);
    changed.push({ id: line.id, estimate: result });
    statements.push(
      db.update(
        spendLines,
        {
          ...facts,
          amountUsd: facts.amountUsd ?? line.amountUsd,
          estimate: result,
          ruleVersion,
          needsReview: false,
          updatedAt: at,
        },
        eq(spendLines.id, line.id),
      ),
    );
  }
  return { statements, ledger: await ledgerOf(changed) };
}
