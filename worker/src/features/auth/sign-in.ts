import { eq } from 'drizzle-orm';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { GlobalDb } from '../../db/global-db';
import { loginAttempts, sessions, users } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { sha256Hex } from '../../lib/crypto/digest';
import { afterFailure, lockedForMs } from './lockout';
import { writeWithAudit } from '../audit/append';
import { newRefreshToken } from './refresh-tokens';
import { MFA_AUDIENCE, signSession, type SessionClaims } from './session-token';

const WRONG_CREDENTIALS = 'The email or password is wrong.';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Refuses while the email is locked, even before looking at the password. */
export async function assertNotLocked(
  globalDb: GlobalDb,
  email: string,
  now: Date,
): Promise<string> {
  const emailHash = await sha256Hex(normaliseEmail(email));
  const attempt = await globalDb.findOne(loginAttempts, eq(loginAttempts.emailHash, emailHash));
  const waitMs = lockedForMs(attempt, now);
  if (waitMs > 0) throw lockedError(waitMs);
  return emailHash;
}

/** Counts a failure; the fifth locks the email and answers 429 at once. */
export async function recordFailure(
  globalDb: GlobalDb,
  emailHash: string,
  now: Date,
): Promise<never> {
  const previous = await globalDb.findOne(loginAttempts, eq(loginAttempts.emailHash, emailHash));
  const next = afterFailure(previous, now);
  await globalDb.batch([
    globalDb.upsert(loginAttempts, { emailHash, ...next }, loginAttempts.emailHash, next),
  ]);
  const waitMs = lockedForMs(next, now);
  if (waitMs > 0) throw lockedError(waitMs);
  throw new AppError(ErrorCode.unauthenticated, WRONG_CREDENTIALS);
}

function lockedError(waitMs: number): AppError {
  return new AppError(
    ErrorCode.locked,
    'Too many failed sign-ins for this email. Try again later.',
    { retryAfterSeconds: waitMs / 1000 },
  );
}

export async function findUserByEmail(globalDb: GlobalDb, email: string) {
  return globalDb.findOne(users, eq(users.email, normaliseEmail(email)));
}

/** Picks the membership to sign into: the named tenant, or the only one. */
export async function chooseMembership(globalDb: GlobalDb, userId: string, tenantSlug?: string) {
  const memberships = await globalDb.membershipsOf(userId);
  if (tenantSlug) {
    const tenant = await globalDb.tenantBySlug(tenantSlug);
    return memberships.find((m) => m.tenantId === tenant?.id);
  }
  return memberships[0];
}

export interface SignInContext {
  globalDb: GlobalDb;
  db: TenantDb;
  signingJwk: string;
  requestId: string;
  personal: { ip: string | null; userAgent: string | null };
}

export type SignInMethod = 'password' | 'totp' | 'recovery-code' | 'sso';
type RefreshPart = { refreshToken: string; refreshExpiresAt: string };
export type IssuedSession<R extends boolean> = {
  token: string;
  expiresAt: string;
} & (R extends true ? RefreshPart : Partial<RefreshPart>);

/**
 * Issues a session: the token, its `jti` row and its audit row, and clears the failure count.
 * `withRefreshToken` (the extension) also starts a rotating refresh-token family.
 */
export async function issueSession<R extends boolean = false>(
  deps: SignInContext,
  claims: Omit<SessionClaims, 'jti'>,
  emailHash: string,
  now: Date,
  method: SignInMethod,
  options: { withRefreshToken?: R } = {},
): Promise<IssuedSession<R>> {
  const jti = crypto.randomUUID();
  const session = await signSession(deps.signingJwk, { ...claims, jti }, now);
  const refresh = options.withRefreshToken
    ? await newRefreshToken(deps.db, { userId: claims.userId, sessionJti: jti, at: now })
    : undefined;
  const changes = [
    deps.db.insert(sessions, {
      jti,
      userId: claims.userId,
      createdAt: now,
      expiresAt: session.expiresAt,
    }),
    ...(refresh?.statements ?? []),
    deps.globalDb.delete(loginAttempts, eq(loginAttempts.emailHash, emailHash)),
  ];
  await writeWithAudit(deps.db, changes, {
    actor: claims.userId,
    action: 'session.create',
    entityType: 'session',
    entityId: jti,
    changes: { after: { role: claims.role, method, refreshToken: !!refresh } },
    requestId: deps.requestId,
    personal: deps.personal,
    at: now,
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    ...(refresh
      ? { refreshToken: refresh.refreshToken, refreshExpiresAt: refresh.refreshExpiresAt }
      : {}),
  } as IssuedSession<R>;
}

/** A challenge that proves the password was right, to be completed with a TOTP code. */
export async function issueMfaChallenge(
  signingJwk: string,
  claims: Omit<SessionClaims, 'jti'>,
  now: Date,
) {
  const { token } = await signSession(
    signingJwk,
    { ...claims, jti: crypto.randomUUID() },
    now,
    MFA_AUDIENCE,
  );
  return token;
}
