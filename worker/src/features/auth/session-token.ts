import { importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { ROLES, type Role } from '../../../../shared/roles';

export const SESSION_ISSUER = 'https://spendprint.dev';
export const SESSION_AUDIENCE = 'spendprint-api';
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;
export const MFA_AUDIENCE = 'spendprint-mfa';
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;
const ALGORITHM = 'EdDSA';

export interface SessionClaims {
  tenantId: string;
  userId: string;
  role: Role;
  jti: string;
}

const keyCache = new Map<string, Promise<CryptoKey>>();

/** The signing key is a private Ed25519 JWK (secret); its public half verifies. */
function importKey(jwkJson: string, half: 'private' | 'public'): Promise<CryptoKey> {
  const cacheKey = `${half}:${jwkJson}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    const { d, ...publicJwk } = JSON.parse(jwkJson) as JWK;
    const jwk = half === 'private' ? { ...publicJwk, d } : publicJwk;
    key = importJWK(jwk, ALGORITHM) as Promise<CryptoKey>;
    keyCache.set(cacheKey, key);
  }
  return key;
}

/** A session token, or (audience `spendprint-mfa`) a 5-minute challenge between password and TOTP. */
export async function signSession(
  signingJwk: string,
  claims: SessionClaims,
  now: Date,
  audience = SESSION_AUDIENCE,
) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const lifetime = audience === MFA_AUDIENCE ? MFA_CHALLENGE_TTL_SECONDS : SESSION_TTL_SECONDS;
  const expiresAt = issuedAt + lifetime;
  const token = await new SignJWT({ tid: claims.tenantId, role: claims.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(SESSION_ISSUER)
    .setAudience(audience)
    .setSubject(claims.userId)
    .setJti(claims.jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(await importKey(signingJwk, 'private'));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/** Verifies signature, algorithm, issuer, audience, type and lifetime; null on any doubt. */
export async function verifySession(
  signingJwk: string,
  token: string,
  now: Date,
  audience = SESSION_AUDIENCE,
): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await importKey(signingJwk, 'public'), {
      algorithms: [ALGORITHM],
      issuer: SESSION_ISSUER,
      audience,
      typ: 'JWT',
      currentDate: now,
      requiredClaims: ['sub', 'jti', 'exp', 'tid', 'role'],
    });
    const role = payload.role as Role;
    if (typeof payload.tid !== 'string' || !ROLES.includes(role)) return null;
    return { tenantId: payload.tid, userId: payload.sub!, role, jti: payload.jti! };
  } catch {
    return null;
  }
}
