import { and, eq, isNotNull } from 'drizzle-orm';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { SsoCallbackQuery } from '../../../../shared/api/sso';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { ssoConnections, ssoDomains } from '../../db/schema';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { sha256Hex } from '../../lib/crypto/digest';
import { unseal } from '../../lib/seal';
import type { Role } from '../../../../shared/roles';
import { findUserByEmail, normaliseEmail } from '../auth/sign-in';
import { startedInThisBrowser } from './browser-binding';
import { callbackUrl } from './callback-url';
import { domainOfEmail } from './domain-name';
import { verifyIdToken } from './id-token';
import { claimLoginRequest } from './login-requests';
import { exchangeCode, fetchJwks, ProviderError } from './oidc-client';
import { assertSsoPlan } from './plan';
import { CLIENT_SECRET_PURPOSE, PKCE_VERIFIER_PURPOSE } from './sealing';

/** A refusal the caller sees as one plain 401; the reason goes to the log only. */
export class SsoRefusal extends AppError {
  constructor(readonly reason: string) {
    super(ErrorCode.unauthenticated, 'Single sign-on did not succeed. Start again.');
  }
}

/** Logs why a sign-on was refused (never a code, token or secret). */
export function logRefusal(c: Context<AppEnv>, error: unknown): void {
  if (error instanceof SsoRefusal) {
    console.warn(
      JSON.stringify({ requestId: c.var.requestId, event: 'sso.refused', reason: error.reason }),
    );
  }
}

/** Logs why and passes the error on to onError. */
export function ssoRefused(c: Context<AppEnv>) {
  return (error: unknown): never => {
    logRefusal(c, error);
    throw error;
  };
}

/** A pending request this callback consumed: from here on the transport is known. */
export interface ClaimedLogin {
  tenantId: string;
  stateHash: string;
  request: NonNullable<Awaited<ReturnType<typeof claimLoginRequest>>>;
}

/** The member the provider vouched for, ready for a session (console) or a hand-off (extension). */
export interface VerifiedMember {
  tenantId: string;
  userId: string;
  role: Role;
  emailHash: string;
}

/** The callback's first step: consume the pending request once (and, for the console, check the browser). */
export async function claimCallback(
  c: Context<AppEnv>,
  query: z.infer<typeof SsoCallbackQuery>,
): Promise<ClaimedLogin> {
  const stateHash = await sha256Hex(query.state);
  const pending = await c.var.globalDb.ssoLoginTenantByStateHash(stateHash);
  if (!pending) throw new SsoRefusal('unknown-state');
  const db = c.var.tenantDbFor(pending.tenantId);
  const request = await claimLoginRequest(db, stateHash, now(c));
  if (!request) throw new SsoRefusal('state-used-or-expired');
  if (request.transport === 'cookie' && !startedInThisBrowser(c, query.state)) {
    throw new SsoRefusal('other-browser');
  }
  return { tenantId: pending.tenantId, stateHash, request };
}

/**
 * The callback's second step: exchange the code with its PKCE verifier, check the ID token,
 * and find the member the verified email names.
 */
export async function verifyMember(
  c: Context<AppEnv>,
  query: z.infer<typeof SsoCallbackQuery>,
  { tenantId, stateHash, request }: ClaimedLogin,
): Promise<VerifiedMember> {
  const at = now(c);
  const { globalDb } = c.var;
  const db = c.var.tenantDbFor(tenantId);
  if (query.error || !query.code) throw new SsoRefusal('provider-declined');
  await assertSsoPlan(globalDb, tenantId);
  const connection = await db.findOne(ssoConnections, eq(ssoConnections.tenantId, tenantId));
  if (!connection) throw new SsoRefusal('no-connection');

  const sealingSecret = c.env.DATA_SEALING_SECRET;
  let idToken: string;
  let jwks: Awaited<ReturnType<typeof fetchJwks>>;
  try {
    idToken = await exchangeCode({
      tokenEndpoint: connection.tokenEndpoint,
      clientId: connection.clientId,
      clientSecret: await unseal(
        sealingSecret,
        CLIENT_SECRET_PURPOSE,
        tenantId,
        connection.clientSecretSealed,
      ),
      code: query.code,
      codeVerifier: await unseal(
        sealingSecret,
        PKCE_VERIFIER_PURPOSE,
        stateHash,
        request.verifierSealed,
      ),
      redirectUri: callbackUrl(c),
    });
    jwks = await fetchJwks(connection.jwksUri);
  } catch (error) {
    throw new SsoRefusal(error instanceof ProviderError ? error.message : 'provider-unreachable');
  }

  const verdict = await verifyIdToken(idToken, jwks, {
    issuer: connection.issuer,
    clientId: connection.clientId,
    algorithms: connection.idTokenAlgorithms,
    nonceHash: request.nonceHash,
    now: at,
  });
  if (!verdict.ok) throw new SsoRefusal(`id-token:${verdict.reason}`);
  const { email, email_verified: emailVerified } = verdict.claims;
  if (typeof email !== 'string' || emailVerified !== true) {
    throw new SsoRefusal('email-not-verified');
  }
  const domain = domainOfEmail(email);
  const routedHere =
    domain &&
    (await db.findOne(
      ssoDomains,
      and(eq(ssoDomains.domain, domain), isNotNull(ssoDomains.verifiedAt))!,
    ));
  if (!routedHere) throw new SsoRefusal('email-domain-not-verified-here');
  const user = await findUserByEmail(globalDb, email);
  const membership = user
    ? (await globalDb.membershipsOf(user.id)).find((m) => m.tenantId === tenantId)
    : undefined;
  if (!user || !membership) throw new SsoRefusal('not-a-member');
  return {
    tenantId,
    userId: user.id,
    role: membership.role,
    emailHash: await sha256Hex(normaliseEmail(email)),
  };
}
