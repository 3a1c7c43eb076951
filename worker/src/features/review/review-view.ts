import type { z } from 'zod';
import type { ReviewCandidate, ReviewItem } from '../../../../shared/api/review';
import type { reviewItems } from '../../db/schema';

export type ReviewRow = typeof reviewItems.$inferSelect;

/**
 * What the reviewer sees: the line's context and the engine's ranking, and the description
 * only when the tenant keeps review text and it could be opened (see review-text.ts).
 */
export function toReviewItem(row: ReviewRow, reviewText?: string): z.infer<typeof ReviewItem> {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    spendLineId: row.spendLineId,
    supplier: row.supplier,
    glAccount: row.glAccount,
    amount: row.amount,
    currency: row.currency,
    naics: row.naics,
    confidence: row.confidence,
    candidates: (row.candidates ?? []) as z.infer<typeof ReviewCandidate>[],
    suggestedNaics: row.suggestedNaics,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    resolvedNaics: row.resolvedNaics,
    ruleId: row.ruleId,
    reviewText: reviewText ?? null,
  };
}
