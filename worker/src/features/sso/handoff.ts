import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { ssoHandoffs } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { sha256Hex } from '../../lib/crypto/digest';
import { constantTimeEqualStrings } from '../../lib/crypto/encoding';
import { generateToken } from '../../lib/crypto/tokens';
import { pkceChallenge } from './pkce';

/** The extension trades its code right after launchWebAuthFlow returns: two minutes is plenty. */
export const HANDOFF_TTL_MS = 2 * 60 * 1000;

/**
 * After a successful extension sign-in at the provider: a one-time code (kept as SHA-256) bound
 * to the member and to the extension's PKCE challenge. Clears this tenant's expired codes.
 */
export async function createHandoff(
  db: TenantDb,
  grant: { userId: string; codeChallenge: string; at: Date },
): Promise<string> {
  const code = generateToken(32);
  await db.batch([
    db.delete(ssoHandoffs, lt(ssoHandoffs.expiresAt, grant.at)),
    db.insert(ssoHandoffs, {
      codeHash: await sha256Hex(code),
      userId: grant.userId,
      codeChallenge: grant.codeChallenge,
      createdAt: grant.at,
      expiresAt: new Date(grant.at.getTime() + HANDOFF_TTL_MS),
    }),
  ]);
  return code;
}

/** Consumes a code exactly once (conditional update + read-back claim). Used, expired → undefined. */
export async function claimHandoff(db: TenantDb, codeHash: string, at: Date) {
  const claim = crypto.randomUUID();
  const pending = and(
    eq(ssoHandoffs.codeHash, codeHash),
    isNull(ssoHandoffs.usedAt),
    gt(ssoHandoffs.expiresAt, at),
  )!;
  await db.batch([db.update(ssoHandoffs, { usedAt: at, claim }, pending)]);
  const row = await db.findOne(ssoHandoffs, eq(ssoHandoffs.codeHash, codeHash));
  return row?.claim === claim ? row : undefined;
}

/** RFC 7636 S256: the verifier the extension kept must hash to the challenge it sent at start. */
export async function verifierMatches(verifier: string, challenge: string): Promise<boolean> {
  return constantTimeEqualStrings(await pkceChallenge(verifier), challenge);
}
