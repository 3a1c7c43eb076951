import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, timestamp } from './columns';

/** People; what they may do lives on their memberships. Emails are stored lower-cased. */
export const users = sqliteTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  emailVerifiedAt: timestamp('email_verified_at'),
  totpSecretSealed: text('totp_secret_sealed'),
  totpEnabledAt: timestamp('totp_enabled_at'),
  totpLastStep: integer('totp_last_step').notNull().default(0),
  createdAt: createdAt(),
});
