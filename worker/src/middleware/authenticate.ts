import { and, eq, gt, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { AppError, ErrorCode } from '../../../shared/errors';
import { can, type Capability } from '../../../shared/roles';
import { accessLog, sessions } from '../db/schema';
import type { AppEnv } from '../env';
import { verifySession } from '../features/auth/session-token';
import { now } from '../lib/clock';
import { tokenFingerprint } from '../lib/fingerprint';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * The tenant comes only from the verified credential: a signed session whose `jti` is live in
 * the sessions table. Every credentialed call is written to the access log.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) throw new AppError(ErrorCode.unauthenticated, 'A Bearer token is required.');
  const at = now(c);
  const claims = await verifySession(c.env.SESSION_SIGNING_JWK, token, at);
  if (!claims) throw new AppError(ErrorCode.unauthenticated, 'The token is not valid.');
  const db = c.var.tenantDbFor(claims.tenantId);
  const live = await db.findOne(
    sessions,
    and(eq(sessions.jti, claims.jti), isNull(sessions.revokedAt), gt(sessions.expiresAt, at))!,
  );
  if (!live || live.userId !== claims.userId) {
    throw new AppError(ErrorCode.unauthenticated, 'The session has ended.');
  }
  const fingerprint = await tokenFingerprint(token);
  c.set('principal', { ...claims, tokenFingerprint: fingerprint });
  c.set('db', db);
  try {
    await next();
  } finally {
    const entry = db.insert(accessLog, {
      id: crypto.randomUUID(),
      at,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      tokenFingerprint: fingerprint,
      scope: claims.role,
      requestId: c.var.requestId,
    });
    c.executionCtx.waitUntil(db.batch([entry]).catch(() => undefined));
  }
});

export function requireCapability(capability: Capability) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!can(c.var.principal.role, capability)) {
      throw new AppError(ErrorCode.forbidden, `Your role may not ${capability.replace(':', ' ')}.`);
    }
    await next();
  });
}
