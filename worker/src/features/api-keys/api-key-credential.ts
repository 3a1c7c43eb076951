import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { apiKeys } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { AppEnv } from '../../env';
import type { Principal } from '../../lib/context';
import { hashToken, parseApiKey } from '../../lib/crypto/tokens';
import { tokenFingerprint } from '../../lib/crypto/tokens';

/** Last use is written at most once a minute per key, so busy keys do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function looksLikeApiKey(token: string): boolean {
  return parseApiKey(token) !== null;
}

/**
 * Resolves `sp_live_…` to its tenant by SHA-256 (the key itself is never stored), refuses revoked
 * keys, records last use, and answers a principal whose capabilities are the key's scopes only.
 */
export async function authenticateApiKey(
  c: Context<AppEnv>,
  key: string,
  at: Date,
): Promise<{ principal: Principal; db: TenantDb }> {
  const keyHash = await hashToken(key);
  const owner = await c.var.globalDb.apiKeyTenantByHash(keyHash);
  if (!owner) throw new AppError(ErrorCode.unauthenticated, 'The API key is not valid.');
  const db = c.var.tenantDbFor(owner.tenantId);
  const row = await db.findOne(
    apiKeys,
    and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt))!,
  );
  if (!row) throw new AppError(ErrorCode.unauthenticated, 'The API key is not valid.');
  if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.batch([db.update(apiKeys, { lastUsedAt: at }, eq(apiKeys.id, row.id))]);
  }
  return {
    db,
    principal: {
      tenantId: owner.tenantId,
      // The key acts as itself (audit rows name it), with the least role for role-based reads.
      userId: row.id,
      role: 'viewer',
      jti: row.id,
      tokenFingerprint: await tokenFingerprint(key),
      scopes: row.scopes,
    },
  };
}
