import type { apiKeys } from '../../db/schema';

type ApiKeyRow = Omit<typeof apiKeys.$inferSelect, 'tenantId'>;

/** What lists show of a key: never its hash, never the key. */
export function toApiKeySummary(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: [...row.scopes],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
