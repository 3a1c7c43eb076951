import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { refreshTokens, sessions } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import { generateToken, hashToken } from '../../lib/crypto/tokens';

/** A refresh token lives 30 days after it was issued; each use replaces it with a new one. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const REFRESH_TOKEN_PREFIX = 'sprt_';

export interface IssuedRefreshToken {
  refreshToken: string;
  refreshExpiresAt: string;
  /** Insert the token; also drop this user's expired ones (they can never be used again). */
  statements: TenantStatement[];
}

/** A new refresh token for the session `sessionJti`, in a new family or continuing one. */
export async function newRefreshToken(
  db: TenantDb,
  grant: { userId: string; sessionJti: string; familyId?: string; at: Date },
): Promise<IssuedRefreshToken> {
  const refreshToken = `${REFRESH_TOKEN_PREFIX}${generateToken(32)}`;
  const expiresAt = new Date(grant.at.getTime() + REFRESH_TOKEN_TTL_MS);
  return {
    refreshToken,
    refreshExpiresAt: expiresAt.toISOString(),
    statements: [
      db.delete(
        refreshTokens,
        and(eq(refreshTokens.userId, grant.userId), lt(refreshTokens.expiresAt, grant.at))!,
      ),
      db.insert(refreshTokens, {
        tokenHash: await hashToken(refreshToken),
        userId: grant.userId,
        familyId: grant.familyId ?? crypto.randomUUID(),
        sessionJti: grant.sessionJti,
        createdAt: grant.at,
        expiresAt,
      }),
    ],
  };
}

/**
 * Spends a refresh token exactly once: a conditional update stamps a random claim, and only the
 * request whose claim is read back may go on. Used, revoked, expired or unknown → undefined.
 */
export async function spendRefreshToken(db: TenantDb, tokenHash: string, at: Date) {
  const claim = crypto.randomUUID();
  const spendable = and(
    eq(refreshTokens.tokenHash, tokenHash),
    isNull(refreshTokens.usedAt),
    isNull(refreshTokens.revokedAt),
    gt(refreshTokens.expiresAt, at),
  )!;
  await db.batch([db.update(refreshTokens, { usedAt: at, claim }, spendable)]);
  const row = await db.findOne(refreshTokens, eq(refreshTokens.tokenHash, tokenHash));
  return row?.claim === claim ? row : undefined;
}

/** Revokes every token of a family and every session the family issued. */
export function revokeFamily(db: TenantDb, familyId: string, at: Date): TenantStatement[] {
  const familySessions = db.selectFields(
    refreshTokens,
    { jti: refreshTokens.sessionJti },
    eq(refreshTokens.familyId, familyId),
  );
  return [
    db.update(
      sessions,
      { revokedAt: at },
      and(inArray(sessions.jti, familySessions), isNull(sessions.revokedAt))!,
    ),
    db.update(
      refreshTokens,
      { revokedAt: at },
      and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt))!,
    ),
  ];
}

/** With a password reset, role change or removal: none of the user's refresh tokens may be used. */
export function revokeRefreshTokensOfUser(db: TenantDb, userId: string, at: Date): TenantStatement {
  return db.update(
    refreshTokens,
    { revokedAt: at },
    and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt))!,
  );
}

/** With a sign-out: the family whose latest token belongs to the ending session. */
export function revokeFamilyOfSession(db: TenantDb, sessionJti: string, at: Date): TenantStatement {
  const family = db.selectFields(
    refreshTokens,
    { familyId: refreshTokens.familyId },
    eq(refreshTokens.sessionJti, sessionJti),
  );
  return db.update(
    refreshTokens,
    { revokedAt: at },
    and(inArray(refreshTokens.familyId, family), isNull(refreshTokens.revokedAt))!,
  );
}
