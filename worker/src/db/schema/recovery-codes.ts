import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';

/** One-time TOTP recovery codes, stored as SHA-256 only. */
export const recoveryCodes = sqliteTable('recovery_codes', {
  codeHash: text('code_hash').primaryKey(),
  userId: text('user_id').notNull(),
  usedAt: timestamp('used_at'),
});
