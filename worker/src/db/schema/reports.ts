import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;

/** One stored artefact of a report: its encrypted object and the SHA-256 of its plaintext. */
export interface ReportArtefact {
  format: (typeof REPORT_FORMATS)[number];
  objectId: string;
  contentType: string;
  sha256: string;
  bytes: number;
}

/** A factor set the report's estimates used: the EPA dataset or a supplier's own factor. */
export interface PinnedFactorSet {
  method: 'spend-based' | 'supplier-specific';
  dataset: string;
  version: string;
}

/**
 * A Scope 3 Category 1 report of one period, in one version. Its content lives only in the
 * encrypted artefacts (R2); this row pins what the content was computed from (period, rule
 * version, factor sets) and carries the workflow. Approved and rejected rows are final: the
 * triggers in this table's migration refuse any change, and a correction is a new row whose
 * `supersedes_id` names the old one (unique: one correction per version, no forks).
 */
export const reports = sqliteTable(
  'reports',
  {
    id: id(),
    tenantId: tenantId(),
    version: integer('version').notNull(),
    supersedesId: text('supersedes_id'),
    periodId: text('period_id').notNull(),
    periodName: text('period_name').notNull(),
    /** YYYY-MM-DD, inclusive, as the period had them when the report was prepared. */
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    periodStatus: text('period_status', { enum: ['open', 'signed-off'] }).notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    preparedBy: text('prepared_by').notNull(),
    preparedAt: timestamp('prepared_at').notNull(),
    submittedBy: text('submitted_by'),
    submittedAt: timestamp('submitted_at'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at'),
    decisionComment: text('decision_comment'),
    /** The tenant's classification (rule) version when the report was prepared. */
    ruleVersion: integer('rule_version').notNull(),
    factorSets: text('factor_sets', { mode: 'json' }).$type<PinnedFactorSet[]>().notNull(),
    kgCO2e: real('kg_co2e').notNull(),
    spendUsd: real('spend_usd').notNull(),
    lineCount: integer('line_count').notNull(),
    unestimatedCount: integer('unestimated_count').notNull(),
    artefacts: text('artefacts', { mode: 'json' }).$type<ReportArtefact[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('reports_tenant_period').on(t.tenantId, t.periodId),
    index('reports_tenant_prepared').on(t.tenantId, t.preparedAt),
    uniqueIndex('reports_tenant_supersedes').on(t.tenantId, t.supersedesId),
  ],
);
