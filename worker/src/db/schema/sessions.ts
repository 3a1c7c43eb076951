import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, tenantId, timestamp } from './columns';

/** One row per issued session token (`jti`); a set `revoked_at` ends it at once. */
export const sessions = sqliteTable(
  'sessions',
  {
    jti: text('jti').primaryKey(),
    tenantId: tenantId(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
