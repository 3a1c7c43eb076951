import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { ssoLoginRequests } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { sha256Hex } from '../../lib/crypto/digest';
import { generateToken } from '../../lib/crypto/tokens';
import { seal } from '../../lib/seal';
import { createPkcePair } from './pkce';
import { PKCE_VERIFIER_PURPOSE } from './sealing';

/** How long a started sign-in may take at the identity provider. */
export const LOGIN_REQUEST_TTL_MS = 10 * 60 * 1000;

export interface StartedLogin {
  state: string;
  nonce: string;
  codeChallenge: string;
}

/**
 * Records a pending authorization request (state and nonce hashed, PKCE verifier sealed) and
 * clears this tenant's expired ones. Protocol state, not tenant data: it is not audited, the
 * session it may lead to is.
 */
export async function startLoginRequest(
  db: TenantDb,
  sealingSecret: string,
  request: {
    transport: 'cookie' | 'bearer';
    redirectUri: string | null;
    clientCodeChallenge: string | null;
    at: Date;
  },
): Promise<StartedLogin> {
  const state = generateToken(32);
  const nonce = generateToken(32);
  const { verifier, challenge } = await createPkcePair();
  const stateHash = await sha256Hex(state);
  await db.batch([
    db.delete(ssoLoginRequests, lt(ssoLoginRequests.expiresAt, request.at)),
    db.insert(ssoLoginRequests, {
      stateHash,
      nonceHash: await sha256Hex(nonce),
      verifierSealed: await seal(sealingSecret, PKCE_VERIFIER_PURPOSE, stateHash, verifier),
      transport: request.transport,
      redirectUri: request.redirectUri,
      clientCodeChallenge: request.clientCodeChallenge,
      createdAt: request.at,
      expiresAt: new Date(request.at.getTime() + LOGIN_REQUEST_TTL_MS),
    }),
  ]);
  return { state, nonce, codeChallenge: challenge };
}

/**
 * Consumes a pending request exactly once: a conditional update stamps a random claim, and only
 * the caller whose claim is read back may go on. Expired, used or unknown → undefined.
 */
export async function claimLoginRequest(db: TenantDb, stateHash: string, at: Date) {
  const claim = crypto.randomUUID();
  const pending = and(
    eq(ssoLoginRequests.stateHash, stateHash),
    isNull(ssoLoginRequests.usedAt),
    gt(ssoLoginRequests.expiresAt, at),
  )!;
  await db.batch([db.update(ssoLoginRequests, { usedAt: at, claim }, pending)]);
  const row = await db.findOne(ssoLoginRequests, eq(ssoLoginRequests.stateHash, stateHash));
  return row?.claim === claim ? row : undefined;
}
