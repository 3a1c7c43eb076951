import { eq } from 'drizzle-orm';
import { SsoCallbackQuery, SsoStartQuery } from '../../../../shared/api/sso';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { ssoConnections } from '../../db/schema';
import { now } from '../../lib/clock';
import { problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { deliverSession } from '../auth/transport';
import { bindToBrowser } from './browser-binding';
import { callbackUrl } from './callback-url';
import { completeSignIn, ssoRefused } from './complete-sign-in';
import { domainOfEmail } from './domain-name';
import { startLoginRequest } from './login-requests';
import { assertSsoPlan } from './plan';
import { allowedExtensionRedirect } from './redirect-uri';

const redirect = { description: 'Redirect to the identity provider, the console or the extension' };

const startRoute = defineRoute('public', {
  method: 'get',
  path: '/auth/sso/start',
  tags: ['auth', 'sso'],
  summary: 'Begin single sign-on for an email of a verified domain (authorization code + PKCE)',
  request: { query: SsoStartQuery },
  responses: { 302: redirect, ...problemResponses(400, 401, 403) },
});

const callbackRoute = defineRoute('public', {
  method: 'get',
  path: '/auth/sso/callback',
  tags: ['auth', 'sso'],
  summary: "The identity provider's redirect: code exchange, ID token checks, session",
  request: { query: SsoCallbackQuery },
  responses: { 302: redirect, ...problemResponses(400, 401, 403) },
});

const NOT_ROUTED = 'Single sign-on is not set up for this email domain.';

export const ssoLoginRoutes = createRouter()
  .openapi(startRoute, async (c) => {
    const { email, transport, redirect_uri } = c.req.valid('query');
    const redirectUri =
      transport === 'bearer'
        ? allowedExtensionRedirect(redirect_uri ?? '', c.env.EXTENSION_ORIGIN)
        : null;
    if (transport === 'bearer' && !redirectUri) {
      throw new AppError(ErrorCode.validation, 'The redirect URI is not allowed.');
    }
    if (transport === 'cookie' && redirect_uri !== undefined) {
      throw new AppError(ErrorCode.validation, 'Console sign-in takes no redirect URI.');
    }
    const domain = domainOfEmail(email);
    const routed = domain ? await c.var.globalDb.tenantByVerifiedSsoDomain(domain) : undefined;
    if (!routed) throw new AppError(ErrorCode.unauthenticated, NOT_ROUTED);
    await assertSsoPlan(c.var.globalDb, routed.tenantId);
    const db = c.var.tenantDbFor(routed.tenantId);
    const connection = await db.findOne(
      ssoConnections,
      eq(ssoConnections.tenantId, routed.tenantId),
    );
    if (!connection) throw new AppError(ErrorCode.unauthenticated, NOT_ROUTED);

    const login = await startLoginRequest(db, c.env.DATA_SEALING_SECRET, {
      transport,
      redirectUri,
      at: now(c),
    });
    if (transport === 'cookie') bindToBrowser(c, login.state);
    const authorize = new URL(connection.authorizationEndpoint);
    for (const [name, value] of Object.entries({
      response_type: 'code',
      client_id: connection.clientId,
      redirect_uri: callbackUrl(c),
      scope: 'openid email profile',
      state: login.state,
      nonce: login.nonce,
      code_challenge: login.codeChallenge,
      code_challenge_method: 'S256',
      login_hint: email,
    })) {
      authorize.searchParams.set(name, value);
    }
    c.header('cache-control', 'no-store');
    return c.redirect(authorize.href, 302);
  })
  .openapi(callbackRoute, async (c) => {
    const query = c.req.valid('query');
    const { session, transport, redirectUri } = await completeSignIn(c, query).catch(ssoRefused(c));
    c.header('cache-control', 'no-store');
    if (transport === 'cookie') {
      await deliverSession(c, session, 'cookie');
      return c.redirect('/console', 302);
    }
    const fragment = new URLSearchParams({ token: session.token, expiresAt: session.expiresAt });
    return c.redirect(`${redirectUri}#${fragment}`, 302);
  });
