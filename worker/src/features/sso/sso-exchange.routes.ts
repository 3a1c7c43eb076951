import { eq } from 'drizzle-orm';
import { RefreshedSessionResponse } from '../../../../shared/api/auth';
import { SsoExchangeRequest } from '../../../../shared/api/sso';
import { memberships, users } from '../../db/schema';
import { now } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto/digest';
import { jsonBody, jsonContent, problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { issueSession, normaliseEmail } from '../auth/sign-in';
import { signInContext } from '../auth/sign-in-context';
import { ssoRefused, SsoRefusal } from './complete-sign-in';
import { claimHandoff, verifierMatches } from './handoff';
import { assertSsoPlan } from './plan';

const exchangeRoute = defineRoute('public', {
  method: 'post',
  path: '/auth/sso/exchange',
  tags: ['auth', 'sso'],
  summary: 'The extension trades its one-time SSO code and PKCE verifier for a session',
  description:
    'The code comes back on the extension redirect after a successful single sign-on; it is ' +
    'single-use, expires after two minutes and only works with the verifier whose S256 challenge ' +
    'started the sign-in. The answer includes a rotating refresh token (POST /auth/refresh).',
  request: jsonBody(SsoExchangeRequest),
  responses: {
    200: jsonContent(RefreshedSessionResponse),
    ...problemResponses(400, 401, 403, 429),
  },
});

export const ssoExchangeRoutes = createRouter().openapi(exchangeRoute, async (c) => {
  const { code, codeVerifier } = c.req.valid('json');
  const at = now(c);
  const { globalDb } = c.var;
  const codeHash = await sha256Hex(code);
  const session = async () => {
    const owner = await globalDb.ssoHandoffTenantByHash(codeHash);
    if (!owner) throw new SsoRefusal('unknown-handoff');
    const db = c.var.tenantDbFor(owner.tenantId);
    // Spent first: a wrong verifier burns the code, so it cannot be guessed at.
    const handoff = await claimHandoff(db, codeHash, at);
    if (!handoff) throw new SsoRefusal('handoff-used-or-expired');
    if (!(await verifierMatches(codeVerifier, handoff.codeChallenge))) {
      throw new SsoRefusal('handoff-pkce');
    }
    await assertSsoPlan(globalDb, owner.tenantId);
    const membership = await db.findOne(memberships, eq(memberships.userId, handoff.userId));
    const user = await globalDb.findOne(users, eq(users.id, handoff.userId));
    if (!membership || !user) throw new SsoRefusal('not-a-member');
    return issueSession(
      signInContext(c, owner.tenantId),
      { tenantId: owner.tenantId, userId: user.id, role: membership.role },
      await sha256Hex(normaliseEmail(user.email)),
      at,
      'sso',
      { withRefreshToken: true },
    );
  };
  return c.json(await session().catch(ssoRefused(c)), 200);
});
