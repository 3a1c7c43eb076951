import { eq } from 'drizzle-orm';
import {
  CsrfResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  VerifiedResponse,
  VerifyTwoFactorRequest,
} from '../../../../shared/api/auth';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { sessions, tenants, users } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { writeWithAudit } from '../audit/append';
import {
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from '../../lib/crypto/password';
import { MFA_AUDIENCE, verifySession } from './session-token';
import {
  assertNotLocked,
  chooseMembership,
  findUserByEmail,
  issueMfaChallenge,
  issueSession,
  recordFailure,
} from './sign-in';
import { signInContext } from './sign-in-context';
import { useSecondFactor } from './second-factor';
import { revokeFamilyOfSession } from './refresh-tokens';
import {
  clearSessionCookie,
  csrfTokenFor,
  deliverSession,
  sessionCookie,
  type SessionTransport,
} from './transport';

const loginRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  description:
    'Answers a session, or `mfaRequired` with a 5-minute challenge for /auth/verify-2fa.',
  request: jsonBody(LoginRequest),
  responses: { 200: jsonContent(LoginResponse), ...problemResponses(400, 401, 429) },
});

const verifyTwoFactorRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/verify-2fa',
  tags: ['auth'],
  summary: 'Complete a sign-in with a TOTP or recovery code',
  request: jsonBody(VerifyTwoFactorRequest),
  responses: { 200: jsonContent(VerifiedResponse), ...problemResponses(400, 401, 429) },
});

const logoutRoute = defineRoute('member', {
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End this session (revokes its token and its refresh-token family)',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401) },
});

const meRoute = defineRoute('member', {
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'Who the credential belongs to',
  responses: { 200: jsonContent(MeResponse), ...problemResponses(401) },
});

const csrfRoute = defineRoute('member', {
  method: 'get',
  path: '/auth/csrf',
  tags: ['auth'],
  summary: "The console session's CSRF token (after a page reload)",
  responses: { 200: jsonContent(CsrfResponse), ...problemResponses(401) },
});

/** Refresh tokens are for the extension's bearer sessions; the console has its cookie. */
function assertRefreshableTransport(transport: SessionTransport, client: 'extension' | undefined) {
  if (client === 'extension' && transport !== 'bearer') {
    throw new AppError(ErrorCode.validation, 'The extension signs in with the bearer transport.');
  }
}

export const authRoutes = createRouter()
  .openapi(loginRoute, async (c) => {
    const { email, password, tenant, transport, client } = c.req.valid('json');
    assertRefreshableTransport(transport, client);
    const at = now(c);
    const globalDb = c.var.globalDb;
    const emailHash = await assertNotLocked(globalDb, email, at);
    const user = await findUserByEmail(globalDb, email);
    const passwordOk = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstDummy(password);
    const membership =
      user && passwordOk ? await chooseMembership(globalDb, user.id, tenant) : undefined;
    if (!user || !membership) return recordFailure(globalDb, emailHash, at);

    if (needsRehash(user.passwordHash!)) {
      const passwordHash = await hashPassword(password);
      await globalDb.batch([globalDb.update(users, { passwordHash }, eq(users.id, user.id))]);
    }
    const claims = { tenantId: membership.tenantId, userId: user.id, role: membership.role };
    if (user.totpEnabledAt) {
      const challenge = await issueMfaChallenge(c.env.SESSION_SIGNING_JWK, claims, at);
      return c.json({ mfaRequired: true as const, challenge }, 200);
    }
    const session = await issueSession(
      signInContext(c, membership.tenantId),
      claims,
      emailHash,
      at,
      'password',
      { withRefreshToken: client === 'extension' },
    );
    return c.json(await deliverSession(c, session, transport), 200);
  })
  .openapi(verifyTwoFactorRoute, async (c) => {
    const { challenge, code, transport, client } = c.req.valid('json');
    assertRefreshableTransport(transport, client);
    const at = now(c);
    const claims = await verifySession(c.env.SESSION_SIGNING_JWK, challenge, at, MFA_AUDIENCE);
    if (!claims)
      throw new AppError(
        ErrorCode.unauthenticated,
        'The sign-in challenge is not valid; sign in again.',
      );
    const user = await c.var.globalDb.findOne(users, eq(users.id, claims.userId));
    if (!user?.totpSecretSealed) throw new AppError(ErrorCode.unauthenticated, 'Sign in again.');
    const emailHash = await assertNotLocked(c.var.globalDb, user.email, at);
    const method = await useSecondFactor(c, user, code, at);
    if (!method) return recordFailure(c.var.globalDb, emailHash, at);
    const { jti: _challengeId, ...sessionClaims } = claims;
    const session = await issueSession(
      signInContext(c, claims.tenantId),
      sessionClaims,
      emailHash,
      at,
      method,
      { withRefreshToken: client === 'extension' },
    );
    return c.json(await deliverSession(c, session, transport), 200);
  })
  .openapi(logoutRoute, async (c) => {
    const { db, principal } = c.var;
    const at = now(c);
    await writeWithAudit(
      db,
      [
        db.update(sessions, { revokedAt: at }, eq(sessions.jti, principal.jti)),
        revokeFamilyOfSession(db, principal.jti, at),
      ],
      {
        actor: principal.userId,
        action: 'session.revoke',
        entityType: 'session',
        entityId: principal.jti,
        changes: { after: { revoked: true } },
        requestId: c.var.requestId,
        at,
      },
    );
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => {
    const { globalDb, principal } = c.var;
    const user = await globalDb.findOne(users, eq(users.id, principal.userId));
    const tenant = await globalDb.findOne(tenants, eq(tenants.id, principal.tenantId));
    if (!user || !tenant)
      throw new AppError(ErrorCode.unauthenticated, 'The account no longer exists.');
    return c.json(
      {
        userId: user.id,
        email: user.email,
        name: user.name,
        role: principal.role,
        tenant: { id: tenant.id, name: tenant.name, plan: tenant.plan },
        totpEnabled: user.totpEnabledAt !== null,
        emailVerified: user.emailVerifiedAt !== null,
      },
      200,
    );
  })
  .openapi(csrfRoute, async (c) => {
    const token = sessionCookie(c);
    if (!token)
      throw new AppError(ErrorCode.validation, 'Only console (cookie) sessions use a CSRF token.');
    return c.json({ csrfToken: await csrfTokenFor(token) }, 200);
  });
