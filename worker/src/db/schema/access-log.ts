import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, tenantId, timestamp } from './columns';

/** Every credentialed API call: when, what, outcome, and which credential (by fingerprint). */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: id(),
    tenantId: tenantId(),
    at: timestamp('at').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    status: integer('status').notNull(),
    tokenFingerprint: text('token_fingerprint').notNull(),
    scope: text('scope').notNull(),
    requestId: text('request_id').notNull(),
  },
  (t) => [index('access_log_tenant_at').on(t.tenantId, t.at)],
);
