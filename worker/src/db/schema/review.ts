import { index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

export const REVIEW_KINDS = ['low-confidence', 'unable', 'correction', 'anomaly'] as const;

/**
 * Something a reviewer should look at: a low-confidence or unestimated line, a buyer's
 * correction, or an anomaly. No description text in clear: supplier, GL account, amount,
 * candidates; a tenant that keeps review text has it sealed under its own key until it expires.
 */
export const reviewItems = sqliteTable(
  'review_items',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind', { enum: REVIEW_KINDS }).notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    spendLineId: text('spend_line_id'),
    descriptionHash: text('description_hash'),
    supplier: text('supplier'),
    glAccount: text('gl_account'),
    amount: real('amount'),
    currency: text('currency'),
    naics: text('naics'),
    confidence: real('confidence'),
    /** [{naics, naicsTitle, confidence}] as the engine ranked them. */
    candidates: text('candidates', { mode: 'json' }).notNull(),
    suggestedNaics: text('suggested_naics'),
    /** Why the item is here, in words (anomalies, unable reasons); never line text. */
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolvedNaics: text('resolved_naics'),
    ruleId: text('rule_id'),
    /** The line's description under the tenant key (`tk1.…`); only if the tenant opted in. */
    reviewTextSealed: text('review_text_sealed'),
    /** Created + 30 days; the hourly Cron job nulls the text from then on. */
    reviewTextExpiresAt: timestamp('review_text_expires_at'),
  },
  (t) => [
    index('review_items_tenant_status').on(t.tenantId, t.status),
    index('review_items_tenant_line').on(t.tenantId, t.spendLineId),
    index('review_items_tenant_text_expiry').on(t.tenantId, t.reviewTextExpiresAt),
  ],
);
