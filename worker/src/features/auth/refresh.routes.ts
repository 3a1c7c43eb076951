import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { RefreshedSessionResponse, RefreshRequest } from '../../../../shared/api/auth';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { memberships, refreshTokens, sessions } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { hashToken } from '../../lib/crypto/tokens';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import { newRefreshToken, revokeFamily, spendRefreshToken } from './refresh-tokens';
import { signSession } from './session-token';

const refreshRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/refresh',
  tags: ['auth'],
  summary: "Trade the extension's refresh token for a new session and a new refresh token",
  description:
    'Single use: each refresh token is spent and replaced. Presenting a spent token again revokes ' +
    'its whole family and the sessions it issued. Sign-out, a role change, removal or a password ' +
    'reset end the family too.',
  request: jsonBody(RefreshRequest),
  responses: { 200: jsonContent(RefreshedSessionResponse), ...problemResponses(400, 401, 429) },
});

const refused = () =>
  new AppError(ErrorCode.unauthenticated, 'The refresh token is not valid; sign in again.');

type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/** Ends a family that can no longer be trusted, with its audit row, then refuses. */
async function revokeAndRefuse(
  c: Context<AppEnv>,
  db: TenantDb,
  row: RefreshTokenRow,
  reason: 'reuse' | 'session-ended' | 'not-a-member',
  at: Date,
): Promise<never> {
  await writeWithAudit(db, revokeFamily(db, row.familyId, at), {
    actor: row.userId,
    action: 'refresh-token.revoke',
    entityType: 'refresh-token-family',
    entityId: row.familyId,
    changes: { after: { revoked: true, reason } },
    requestId: c.var.requestId,
    at,
  });
  throw refused();
}

/** The session the spent token came with is replaced; the family goes on with a new token. */
async function rotate(c: Context<AppEnv>, db: TenantDb, row: RefreshTokenRow, at: Date) {
  const membership = await db.findOne(memberships, eq(memberships.userId, row.userId));
  if (!membership) return revokeAndRefuse(c, db, row, 'not-a-member', at);
  const jti = crypto.randomUUID();
  const claims = { tenantId: db.tenantId, userId: row.userId, role: membership.role, jti };
  const session = await signSession(c.env.SESSION_SIGNING_JWK, claims, at);
  const next = await newRefreshToken(db, {
    userId: row.userId,
    sessionJti: jti,
    familyId: row.familyId,
    at,
  });
  const previousSession = and(eq(sessions.jti, row.sessionJti), isNull(sessions.revokedAt))!;
  await writeWithAudit(
    db,
    [
      db.insert(sessions, { jti, userId: row.userId, createdAt: at, expiresAt: session.expiresAt }),
      db.update(sessions, { revokedAt: at }, previousSession),
      ...next.statements,
    ],
    {
      actor: row.userId,
      action: 'session.refresh',
      entityType: 'session',
      entityId: jti,
      changes: {
        before: { session: row.sessionJti },
        after: { role: membership.role, method: 'refresh-token' },
      },
      requestId: c.var.requestId,
      personal: {
        ip: c.req.header('cf-connecting-ip') ?? null,
        userAgent: c.req.header('user-agent') ?? null,
      },
      at,
    },
  );
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    refreshToken: next.refreshToken,
    refreshExpiresAt: next.refreshExpiresAt,
  };
}

export const refreshRoutes = createRouter().openapi(refreshRoute, async (c) => {
  const { refreshToken } = c.req.valid('json');
  const at = now(c);
  const tokenHash = await hashToken(refreshToken);
  const owner = await c.var.globalDb.refreshTokenTenantByHash(tokenHash);
  if (!owner) throw refused();
  const db = c.var.tenantDbFor(owner.tenantId);
  const row = await db.findOne(refreshTokens, eq(refreshTokens.tokenHash, tokenHash));
  if (!row || row.revokedAt || row.expiresAt <= at) throw refused();
  // A spent token presented again, or two requests racing to spend it: a copy is in other hands.
  if (row.usedAt || !(await spendRefreshToken(db, tokenHash, at))) {
    return revokeAndRefuse(c, db, row, 'reuse', at);
  }
  const issuedWith = await db.findOne(sessions, eq(sessions.jti, row.sessionJti));
  if (!issuedWith || issuedWith.revokedAt) return revokeAndRefuse(c, db, row, 'session-ended', at);
  const rotated = await rotate(c, db, row, at);
  // A racing reuse may have revoked the family between the spend and the new token's insert,
  // missing the new token: read the spent row again and, if so, revoke what was just issued too.
  const spent = await db.findOne(refreshTokens, eq(refreshTokens.tokenHash, tokenHash));
  if (spent?.revokedAt) return revokeAndRefuse(c, db, row, 'reuse', at);
  return c.json(rotated, 200);
});
