import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

export const SPEND_SOURCES = ['extension', 'csv', 'erp', 'demo'] as const;

/**
 * One recorded purchase line. The description is never stored: only its tenant-keyed hash.
 * `dedupKey` (supplier, date, amount, currency, description hash) and `erpLineId` recognise
 * the same purchase arriving twice, from any source.
 */
export const spendLines = sqliteTable(
  'spend_lines',
  {
    id: id(),
    tenantId: tenantId(),
    source: text('source', { enum: SPEND_SOURCES }).notNull(),
    teamId: text('team_id'),
    recordedBy: text('recorded_by').notNull(),
    /** YYYY-MM-DD; `month` is its YYYY-MM for grouping. */
    date: text('date').notNull(),
    month: text('month').notNull(),
    supplier: text('supplier'),
    /** normaliseDescription(supplier), for matching and grouping. */
    supplierKey: text('supplier_key').notNull(),
    glAccount: text('gl_account'),
    amount: real('amount').notNull(),
    currency: text('currency').notNull(),
    /** Nominal USD at the purchase date (null when it could not be converted). */
    amountUsd: real('amount_usd'),
    quantity: real('quantity'),
    descriptionHash: text('description_hash').notNull(),
    erpLineId: text('erp_line_id'),
    dedupKey: text('dedup_key').notNull(),
    status: text('status', { enum: ['estimated', 'classified', 'unable'] }).notNull(),
    naics: text('naics'),
    confidence: real('confidence').notNull(),
    calculationMethod: text('calculation_method'),
    classificationSource: text('classification_source'),
    kgCO2e: real('kg_co2e'),
    /** The whole engine result (formula steps, factor, alternatives); never description text. */
    estimate: text('estimate', { mode: 'json' }).notNull(),
    ruleVersion: integer('rule_version').notNull(),
    needsReview: integer('needs_review', { mode: 'boolean' }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('spend_lines_tenant_dedup').on(t.tenantId, t.dedupKey),
    uniqueIndex('spend_lines_tenant_erp_line').on(t.tenantId, t.erpLineId),
    index('spend_lines_tenant_month').on(t.tenantId, t.month),
    index('spend_lines_tenant_hash').on(t.tenantId, t.descriptionHash),
    index('spend_lines_tenant_supplier').on(t.tenantId, t.supplierKey),
  ],
);
