import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenantId } from './columns';

/**
 * Append-only, hash-chained per tenant. UPDATE and DELETE are refused by triggers
 * (migrations/0003_audit_triggers.sql), except erasing `personal` and deleting past retention.
 * `personal` (IP, user agent, names) is covered by the chain only through `personal_hash`.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    tenantId: tenantId(),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    changes: text('changes', { mode: 'json' }).notNull(),
    requestId: text('request_id').notNull(),
    personal: text('personal', { mode: 'json' }),
    personalHash: text('personal_hash'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] })],
);
