import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Capability } from '../../../../shared/roles';
import { createdAt, id, tenantId, timestamp } from './columns';

/**
 * Tenant API keys. Only the SHA-256 of the whole key is kept; the prefix tells keys apart in
 * lists. A key's scopes are the only capabilities it ever has.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<Capability[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at'),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash').on(t.keyHash), index('api_keys_tenant').on(t.tenantId)],
);
