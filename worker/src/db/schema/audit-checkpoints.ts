import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenantId } from './columns';

/** Signed checkpoints (C2SP signed-note) of each tenant's audit chain: size, head hash, time. */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    tenantId: tenantId(),
    size: integer('size').notNull(),
    headHash: text('head_hash').notNull(),
    at: text('at').notNull(),
    note: text('note').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.size] })],
);
