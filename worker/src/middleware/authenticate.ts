import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError, ErrorCode } from '../../../shared/errors';
import { can, type Capability } from '../../../shared/roles';
import { accessLog, sessions } from '../db/schema';
import type { AppEnv } from '../env';
import { verifySession } from '../features/auth/session-token';
import { csrfTokenFor, sessionCookie } from '../features/auth/transport';
import { authenticateApiKey, looksLikeApiKey } from '../features/api-keys/api-key-credential';
import type { TenantDb } from '../db/tenant-db';
import { now } from '../lib/clock';
import type { Principal } from '../lib/context';
import { tokenFingerprint } from '../lib/crypto/tokens';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * The tenant comes only from the verified credential: a signed session whose `jti` is live in
 * the sessions table, or an unrevoked API key (Bearer `sp_live_…`, found by its SHA-256).
 * Every credentialed call is written to the access log.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const authorization = c.req.header('authorization');
  const cookieToken = authorization ? undefined : sessionCookie(c);
  const token = cookieToken ?? BEARER.exec(authorization ?? '')?.[1];
  if (!token)
    throw new AppError(
      ErrorCode.unauthenticated,
      'Sign in first (Bearer token or console session).',
    );
  if (cookieToken) await assertSameSiteWrite(c, cookieToken);
  const at = now(c);
  const { principal, db } =
    !cookieToken && looksLikeApiKey(token)
      ? await authenticateApiKey(c, token, at)
      : await authenticateSession(c, token, at);
  c.set('principal', principal);
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
      tokenFingerprint: principal.tokenFingerprint,
      scope: principal.scopes ? principal.scopes.join(' ') : principal.role,
      requestId: c.var.requestId,
    });
    c.executionCtx.waitUntil(db.batch([entry]).catch(() => undefined));
  }
});

async function authenticateSession(
  c: Context<AppEnv>,
  token: string,
  at: Date,
): Promise<{ principal: Principal; db: TenantDb }> {
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
  return { principal: { ...claims, tokenFingerprint: await tokenFingerprint(token) }, db };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FILE_CONTENT_TYPES = /^(text\/csv|multipart\/form-data)\b/i;
/** The only routes whose body is a file, not JSON: POST to exactly these paths. */
const FILE_UPLOAD_PATHS = new Set(['/api/v1/imports', '/api/v1/imports/preview']);

const isFileUpload = (c: Context<AppEnv>) =>
  c.req.method === 'POST' &&
  FILE_UPLOAD_PATHS.has(c.req.path) &&
  FILE_CONTENT_TYPES.test(c.req.header('content-type') ?? '');

/**
 * Cookie sessions are the console's: a write must carry the session's CSRF token, must not be
 * cross-site, and must be JSON (the CSV upload routes take text/csv or multipart instead; the
 * token header, the same-site checks and the CORS allow-list guard them all the same).
 */
async function assertSameSiteWrite(c: Context<AppEnv>, cookieToken: string): Promise<void> {
  if (SAFE_METHODS.has(c.req.method)) return;
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if ((site && site !== 'same-origin') || (origin && origin !== c.env.CONSOLE_ORIGIN)) {
    throw new AppError(ErrorCode.csrf, 'Cross-site writes are refused.');
  }
  const contentType = c.req.header('content-type') ?? '';
  if (!contentType.startsWith('application/json') && !isFileUpload(c)) {
    throw new AppError(ErrorCode.csrf, 'Console writes must be JSON.');
  }
  if (c.req.header('x-csrf-token') !== (await csrfTokenFor(cookieToken))) {
    throw new AppError(ErrorCode.csrf, 'The CSRF token is missing or wrong.');
  }
}

export function requireCapability(capability: Capability) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!hasCapability(c.var.principal, capability)) {
      throw new AppError(ErrorCode.forbidden, `Your role may not ${capability.replace(':', ' ')}.`);
    }
    await next();
  });
}

/** A role's capabilities; for an API key, only its scopes (a key never exceeds them). */
export function hasCapability(principal: Principal, capability: Capability): boolean {
  return principal.scopes ? principal.scopes.includes(capability) : can(principal.role, capability);
}
