import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, tenantId, timestamp } from './columns';

/**
 * The extension's rotating refresh tokens, kept as SHA-256 only. Each use spends the token and
 * issues its successor in the same family; a spent token presented again revokes the family
 * and the sessions it issued (a copy was stolen). `session_jti` links a token to the session
 * issued with it, so revoking that session (sign-out, role or password change) ends the token.
 */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: tenantId(),
    userId: text('user_id').notNull(),
    familyId: text('family_id').notNull(),
    sessionJti: text('session_jti').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
    revokedAt: timestamp('revoked_at'),
    /** Random value written by whichever request spent the token; proves it was this one. */
    claim: text('claim'),
  },
  (t) => [
    index('refresh_tokens_family').on(t.familyId),
    index('refresh_tokens_user').on(t.userId),
    index('refresh_tokens_session').on(t.sessionJti),
  ],
);
