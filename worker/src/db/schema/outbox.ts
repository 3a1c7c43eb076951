import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, timestamp } from './columns';

/**
 * Email waiting for delivery (invitations, verification, password reset). The delivery
 * interface sends and marks it; in local mode the console's dev mailbox reads it.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: id(),
    tenantId: text('tenant_id').notNull(),
    to: text('to_address').notNull(),
    kind: text('kind', { enum: ['invitation', 'email-verification', 'password-reset'] }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [index('email_outbox_unsent').on(t.sentAt)],
);

/** Single-use tokens (≥128 random bits), stored only as SHA-256, each with an expiry. */
export const emailTokens = sqliteTable('email_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  tenantId: text('tenant_id').notNull(),
  kind: text('kind', { enum: ['invitation', 'email-verification', 'password-reset'] }).notNull(),
  email: text('email').notNull(),
  /** For invitations: the role and team the new member gets. */
  payload: text('payload', { mode: 'json' }),
  expiresAt: timestamp('expires_at').notNull(),
  usedAt: timestamp('used_at'),
  createdAt: createdAt(),
});
