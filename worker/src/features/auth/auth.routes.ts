import { eq } from 'drizzle-orm';
import {
  LoginRequest,
  LoginResponse,
  MeResponse,
  SessionResponse,
} from '../../../../shared/api/auth';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { sessions, tenants, users } from '../../db/schema';
import { now } from '../../lib/clock';
import { jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password';
import {
  assertNotLocked,
  chooseMembership,
  findUserByEmail,
  issueSession,
  recordFailure,
} from './sign-in';

const loginRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  request: { body: { content: { 'application/json': { schema: LoginRequest } }, required: true } },
  responses: { 200: jsonContent(LoginResponse), ...problemResponses(400, 401, 429) },
});

const logoutRoute = defineRoute('member', {
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End this session (revokes its token)',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401) },
});

const meRoute = defineRoute('member', {
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'Who the credential belongs to',
  responses: { 200: jsonContent(MeResponse), ...problemResponses(401) },
});

export const authRoutes = createRouter()
  .openapi(loginRoute, async (c) => {
    const { email, password, tenant } = c.req.valid('json');
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
    const db = c.var.tenantDbFor(membership.tenantId);
    const signingJwk = c.env.SESSION_SIGNING_JWK;
    return c.json(
      SessionResponse.parse(
        await issueSession({ globalDb, db, signingJwk }, claims, emailHash, at),
      ),
      200,
    );
  })
  .openapi(logoutRoute, async (c) => {
    const { db, principal } = c.var;
    await db.batch([db.update(sessions, { revokedAt: now(c) }, eq(sessions.jti, principal.jti))]);
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
      },
      200,
    );
  });
