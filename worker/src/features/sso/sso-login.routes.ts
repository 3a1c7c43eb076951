import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { z } from 'zod';
import { SsoCallbackQuery, SsoStartQuery } from '../../../../shared/api/sso';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { ssoConnections } from '../../db/schema';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { problemResponses } from '../../lib/openapi';
import { defineRoute } from '../../lib/route';
import { createRouter } from '../../lib/router';
import { issueSession } from '../auth/sign-in';
import { signInContext } from '../auth/sign-in-context';
import { deliverSession } from '../auth/transport';
import { bindToBrowser } from './browser-binding';
import { callbackUrl } from './callback-url';
import {
  claimCallback,
  logRefusal,
  ssoRefused,
  SsoRefusal,
  verifyMember,
  type ClaimedLogin,
} from './complete-sign-in';
import { domainOfEmail } from './domain-name';
import { createHandoff } from './handoff';
import { startLoginRequest } from './login-requests';
import { assertSsoPlan } from './plan';
import { allowedExtensionRedirect, extensionRedirectWith } from './redirect-uri';

const redirect = { description: 'Redirect to the identity provider, the console or the extension' };

const startRoute = defineRoute('public', {
  method: 'get',
  path: '/auth/sso/start',
  tags: ['auth', 'sso'],
  summary: 'Begin single sign-on for an email of a verified domain (authorization code + PKCE)',
  description:
    'transport=bearer is the extension (launchWebAuthFlow): redirect_uri must be its ' +
    'https://<id>.chromiumapp.org/ URL and code_challenge its PKCE challenge (S256); it comes back ' +
    'with `?code=` (a one-time code for POST /auth/sso/exchange) or `?error=`.',
  request: { query: SsoStartQuery },
  responses: { 302: redirect, ...problemResponses(400, 401, 403) },
});

const callbackRoute = defineRoute('public', {
  method: 'get',
  path: '/auth/sso/callback',
  tags: ['auth', 'sso'],
  summary: "The identity provider's redirect: code exchange, ID token checks, session or hand-off",
  request: { query: SsoCallbackQuery },
  responses: { 302: redirect, ...problemResponses(400, 401, 403) },
});

const NOT_ROUTED = 'Single sign-on is not set up for this email domain.';

interface PendingLogin {
  transport: 'cookie' | 'bearer';
  redirectUri: string | null;
  clientCodeChallenge: string | null;
}

/** The extension must name its allow-listed redirect and a PKCE challenge; the console neither. */
function pendingLogin(query: z.infer<typeof SsoStartQuery>, extensionOrigin: string): PendingLogin {
  if (query.transport === 'cookie') {
    if (query.redirect_uri !== undefined || query.code_challenge !== undefined) {
      throw new AppError(ErrorCode.validation, 'Console sign-in takes no redirect URI.');
    }
    return { transport: 'cookie', redirectUri: null, clientCodeChallenge: null };
  }
  const redirectUri = allowedExtensionRedirect(query.redirect_uri ?? '', extensionOrigin);
  if (!redirectUri) throw new AppError(ErrorCode.validation, 'The redirect URI is not allowed.');
  if (!query.code_challenge) {
    throw new AppError(ErrorCode.validation, 'The extension must send a PKCE code_challenge.');
  }
  return { transport: 'bearer', redirectUri, clientCodeChallenge: query.code_challenge };
}

/** Where the provider's login page is, for a pending request of the tenant that owns the domain. */
async function authorizeUrl(
  c: Context<AppEnv>,
  email: string,
  pending: PendingLogin,
): Promise<string> {
  const domain = domainOfEmail(email);
  const routed = domain ? await c.var.globalDb.tenantByVerifiedSsoDomain(domain) : undefined;
  if (!routed) throw new AppError(ErrorCode.unauthenticated, NOT_ROUTED);
  await assertSsoPlan(c.var.globalDb, routed.tenantId);
  const db = c.var.tenantDbFor(routed.tenantId);
  const connection = await db.findOne(ssoConnections, eq(ssoConnections.tenantId, routed.tenantId));
  if (!connection) throw new AppError(ErrorCode.unauthenticated, NOT_ROUTED);

  const login = await startLoginRequest(db, c.env.DATA_SEALING_SECRET, { ...pending, at: now(c) });
  if (pending.transport === 'cookie') bindToBrowser(c, login.state);
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
  return authorize.href;
}

/** An OAuth-style error for the extension, once its redirect URI is known to be its own. */
function extensionError(redirectUri: string, error: unknown): string {
  if (!(error instanceof AppError)) throw error;
  const description = error.detail ?? 'Single sign-on did not succeed.';
  return extensionRedirectWith(redirectUri, {
    error: 'access_denied',
    error_description: description,
  });
}

/** The console gets its cookie session; the extension a one-time code bound to its PKCE challenge. */
async function finishSignIn(
  c: Context<AppEnv>,
  query: z.infer<typeof SsoCallbackQuery>,
  claimed: ClaimedLogin,
) {
  const { request } = claimed;
  if (request.transport === 'cookie') {
    const member = await verifyMember(c, query, claimed).catch(ssoRefused(c));
    const claims = { tenantId: member.tenantId, userId: member.userId, role: member.role };
    const session = await issueSession(
      signInContext(c, member.tenantId),
      claims,
      member.emailHash,
      now(c),
      'sso',
    );
    await deliverSession(c, session, 'cookie');
    return c.redirect('/console', 302);
  }
  const { redirectUri, clientCodeChallenge } = request;
  if (!redirectUri || !clientCodeChallenge)
    throw ssoRefused(c)(new SsoRefusal('no-extension-pkce'));
  try {
    const member = await verifyMember(c, query, claimed);
    const code = await createHandoff(c.var.tenantDbFor(member.tenantId), {
      userId: member.userId,
      codeChallenge: clientCodeChallenge,
      at: now(c),
    });
    return c.redirect(extensionRedirectWith(redirectUri, { code }), 302);
  } catch (error) {
    logRefusal(c, error);
    return c.redirect(extensionError(redirectUri, error), 302);
  }
}

export const ssoLoginRoutes = createRouter()
  .openapi(startRoute, async (c) => {
    const query = c.req.valid('query');
    const pending = pendingLogin(query, c.env.EXTENSION_ORIGIN);
    c.header('cache-control', 'no-store');
    try {
      return c.redirect(await authorizeUrl(c, query.email, pending), 302);
    } catch (error) {
      if (!pending.redirectUri) throw error;
      return c.redirect(extensionError(pending.redirectUri, error), 302);
    }
  })
  .openapi(callbackRoute, async (c) => {
    const query = c.req.valid('query');
    c.header('cache-control', 'no-store');
    const claimed = await claimCallback(c, query).catch(ssoRefused(c));
    return finishSignIn(c, query, claimed);
  });
