import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, tenantId, timestamp } from './columns';

/**
 * Reporting periods. Once signed off, the database itself refuses new or changed spend lines
 * dated on or before its end (triggers in migrations/0011_period_locks.sql).
 */
export const periods = sqliteTable(
  'periods',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** YYYY-MM-DD, inclusive. */
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    status: text('status', { enum: ['open', 'signed-off'] }).notNull(),
    signedOffBy: text('signed_off_by'),
    signedOffAt: timestamp('signed_off_at'),
    createdAt: createdAt(),
  },
  (t) => [index('periods_tenant_end').on(t.tenantId, t.endDate)],
);
