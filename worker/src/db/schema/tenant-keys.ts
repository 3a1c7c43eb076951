import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, tenantId, timestamp } from './columns';

export const TENANT_KEY_KINDS = ['managed', 'byok'] as const;
export const TENANT_KEY_STATES = ['active', 'retired', 'revoked'] as const;

/**
 * Versions of each tenant's key-encryption key (KEK). The key itself is kept only wrapped by the
 * Worker master key (`KEY_WRAPPING_SECRET`); a customer's BYOK JWK is never stored in clear.
 * One version is active; rotation retires the previous one. Revocation erases `wrapped_kek`
 * (crypto-shredding): every object under that version becomes unreadable for good.
 */
export const tenantKeys = sqliteTable(
  'tenant_keys',
  {
    tenantId: tenantId(),
    version: integer('version').notNull(),
    kind: text('kind', { enum: TENANT_KEY_KINDS }).notNull(),
    state: text('state', { enum: TENANT_KEY_STATES }).notNull(),
    /** base64(IV || encrypted KEK || tag) under the master key; null once revoked. */
    wrappedKek: text('wrapped_kek'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp('retired_at'),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

/** `import`: a CSV import's validated rows, staged until its job has recorded them. */
export const ENCRYPTED_OBJECT_PURPOSES = ['export', 'backup', 'report', 'import', 'test'] as const;

/**
 * One row per encrypted R2 object: its data key wrapped by a tenant KEK version, the IV and the
 * SHA-256 of the plaintext. Kept in D1, not R2 metadata, because rotation re-wraps it in place.
 */
export const encryptedObjects = sqliteTable(
  'encrypted_objects',
  {
    tenantId: tenantId(),
    objectId: text('object_id').notNull(),
    purpose: text('purpose', { enum: ENCRYPTED_OBJECT_PURPOSES }).notNull(),
    r2Key: text('r2_key').notNull(),
    contentType: text('content_type').notNull(),
    kekVersion: integer('kek_version').notNull(),
    wrappedDataKey: text('wrapped_data_key').notNull(),
    iv: text('iv').notNull(),
    plaintextSha256: text('plaintext_sha256').notNull(),
    plaintextBytes: integer('plaintext_bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.objectId] }),
    index('encrypted_objects_tenant_purpose').on(t.tenantId, t.purpose, t.createdAt),
  ],
);
