import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { IdTokenAlgorithm } from '../../../../shared/api/sso';
import { sha256Hex } from '../../lib/crypto/digest';
import { constantTimeEqualStrings } from '../../lib/crypto/encoding';

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  algorithms: readonly IdTokenAlgorithm[];
  /** SHA-256 hex of the nonce sent with this authorization request. */
  nonceHash: string;
  now: Date;
}

export type IdTokenVerdict =
  | { ok: true; claims: JWTPayload & { email?: unknown; email_verified?: unknown } }
  | { ok: false; reason: string };

const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * Checks an ID token as OIDC Core 3.1.3.7 asks: signature by a key of the provider's JWKS with
 * a pinned algorithm (never `none`, never HMAC), issuer, audience (and `azp` when several),
 * expiry, and the nonce of this request. The reason of a refusal names no token content.
 */
export async function verifyIdToken(
  idToken: string,
  jwks: JSONWebKeySet,
  expected: IdTokenExpectations,
): Promise<IdTokenVerdict> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, createLocalJWKSet(jwks), {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: [...expected.algorithms],
      currentDate: expected.now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
    }));
  } catch (error) {
    const { code, claim } = error as { code?: string; claim?: string };
    return { ok: false, reason: [code ?? 'ERR_INVALID', claim].filter(Boolean).join(':') };
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId) {
    return { ok: false, reason: 'azp' };
  }
  const nonce = payload.nonce;
  if (
    typeof nonce !== 'string' ||
    !constantTimeEqualStrings(await sha256Hex(nonce), expected.nonceHash)
  ) {
    return { ok: false, reason: 'nonce' };
  }
  return { ok: true, claims: payload };
}
