import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';

/** Failed sign-ins per email hash, whether or not an account exists for it. */
export const loginAttempts = sqliteTable('login_attempts', {
  emailHash: text('email_hash').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: timestamp('first_failure_at').notNull(),
  lockedUntil: timestamp('locked_until'),
});
