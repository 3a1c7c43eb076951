/**
 * A tenant's key-encryption keys (KEKs), as stored in `tenant_keys`: loading a version,
 * creating the first managed version, and adding a version (rotation or BYOK) with every
 * data key re-wrapped in the same batch. Keys are unwrapped in memory only, never logged.
 */
import { and, desc, eq } from 'drizzle-orm';
import { encryptedObjects, tenantKeys } from '../db/schema';
import type { TenantDb, TenantStatement } from '../db/tenant-db';
import { rewrapDataKey, type Kek } from './crypto/envelope';
import {
  deriveMasterWrappingKey,
  generateTenantKek,
  unwrapTenantKek,
  wrapTenantKek,
} from './crypto/tenant-keys';
import { writeWithAudit } from '../features/audit/append';
import { ObjectUnreadableError } from './object-unreadable';

export type TenantKeyRow = typeof tenantKeys.$inferSelect;
export type KeyKind = TenantKeyRow['kind'];
/** Who causes a key change, for its audit row. */
export interface KeyContext {
  actor: string;
  requestId: string;
  at: Date;
}

const masterKeys = new Map<string, Promise<CryptoKey>>();

/** The master wrapping key, derived once per isolate and secret. */
export function masterWrappingKey(secret: string): Promise<CryptoKey> {
  let key = masterKeys.get(secret);
  if (!key) {
    key = deriveMasterWrappingKey(secret);
    masterKeys.set(secret, key);
  }
  return key;
}

export function listKeyVersions(db: TenantDb): Promise<TenantKeyRow[]> {
  return db.select(tenantKeys).orderBy(desc(tenantKeys.version));
}

export async function activeKeyRow(db: TenantDb): Promise<TenantKeyRow | undefined> {
  return db.findOne(tenantKeys, eq(tenantKeys.state, 'active'));
}

/** Unwraps one version; a revoked or tampered key row never yields a key. */
export async function kekForVersion(
  db: TenantDb,
  masterSecret: string,
  version: number,
): Promise<Kek> {
  const row = await db.findOne(tenantKeys, eq(tenantKeys.version, version));
  if (!row) throw new ObjectUnreadableError('integrity');
  return unwrapRow(row, masterSecret, db.tenantId);
}

async function unwrapRow(row: TenantKeyRow, masterSecret: string, tenantId: string) {
  if (row.state === 'revoked' || !row.wrappedKek) throw new ObjectUnreadableError('key-revoked');
  try {
    return await unwrapTenantKek(await masterWrappingKey(masterSecret), row.wrappedKek, {
      tenantId,
      version: row.version,
    });
  } catch (error) {
    throw new ObjectUnreadableError('integrity', error);
  }
}

/** The active KEK, creating managed version 1 (or the next after a revoked one) on first use. */
export async function activeKek(db: TenantDb, masterSecret: string, context: KeyContext) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await activeKeyRow(db);
    if (row) return unwrapRow(row, masterSecret, db.tenantId);
    try {
      const { version, statements } = await newKeyVersion(db, masterSecret, {
        kind: 'managed',
        key: await generateTenantKek(),
        ...context,
      });
      await writeWithAudit(db, statements, {
        actor: context.actor,
        action: 'key.create',
        entityType: 'tenant-key',
        entityId: String(version),
        changes: { after: { version, kind: 'managed', state: 'active' } },
        requestId: context.requestId,
        at: context.at,
      });
    } catch (error) {
      // Another request created the version first (primary key); read it on the next pass.
      if (attempt === 2) throw error;
    }
  }
  throw new Error('unreachable');
}

/** Statements that add a new active version and retire the current one. */
async function newKeyVersion(
  db: TenantDb,
  masterSecret: string,
  input: { kind: KeyKind; key: CryptoKey; actor: string; at: Date },
): Promise<{ version: number; statements: TenantStatement[] }> {
  const [latest] = await db
    .selectFields(tenantKeys, { version: tenantKeys.version })
    .orderBy(desc(tenantKeys.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  const wrappedKek = await wrapTenantKek(await masterWrappingKey(masterSecret), input.key, {
    tenantId: db.tenantId,
    version,
  });
  return {
    version,
    statements: [
      db.update(
        tenantKeys,
        { state: 'retired', retiredAt: input.at },
        eq(tenantKeys.state, 'active'),
      ),
      db.insert(tenantKeys, {
        version,
        kind: input.kind,
        state: 'active',
        wrappedKek,
        createdBy: input.actor,
        createdAt: input.at,
        retiredAt: null,
        revokedAt: null,
      }),
    ],
  };
}

/**
 * Rotation or BYOK: a new active version, and every readable data key re-wrapped under it
 * (objects are not re-encrypted). Objects under revoked versions stay unreadable.
 * Returns the statements for the caller to run with its audit row.
 */
export async function addKeyVersion(
  db: TenantDb,
  masterSecret: string,
  input: { kind: KeyKind; key: CryptoKey; actor: string; at: Date },
): Promise<{ version: number; rewrapped: number; statements: TenantStatement[] }> {
  const { version, statements } = await newKeyVersion(db, masterSecret, input);
  const newKek: Kek = { key: input.key, version };
  const rows = await db.select(encryptedObjects);
  const keks = new Map<number, Kek | null>();
  const rewraps: TenantStatement[] = [];
  for (const row of rows) {
    if (!keks.has(row.kekVersion)) {
      keks.set(
        row.kekVersion,
        await kekForVersion(db, masterSecret, row.kekVersion).catch(() => null),
      );
    }
    const oldKek = keks.get(row.kekVersion);
    if (!oldKek) continue;
    const rewrapped = await rewrapDataKey(oldKek, newKek, {
      tenantId: db.tenantId,
      objectId: row.objectId,
      wrappedDataKey: row.wrappedDataKey,
      kekVersion: row.kekVersion,
    });
    rewraps.push(
      db.update(
        encryptedObjects,
        { wrappedDataKey: rewrapped.wrappedDataKey, kekVersion: version },
        and(
          eq(encryptedObjects.objectId, row.objectId),
          eq(encryptedObjects.kekVersion, row.kekVersion),
        )!,
      ),
    );
  }
  return { version, rewrapped: rewraps.length, statements: [...statements, ...rewraps] };
}

/** Crypto-shredding: the wrapped key is erased, so nothing under this version can be read. */
export function revokeKeyVersion(db: TenantDb, version: number, at: Date): TenantStatement {
  return db.update(
    tenantKeys,
    { state: 'revoked', wrappedKek: null, revokedAt: at },
    eq(tenantKeys.version, version),
  );
}
