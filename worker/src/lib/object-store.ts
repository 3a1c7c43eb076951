/**
 * Encrypted objects in R2 (exports, backups, reports): the ciphertext goes to R2, the wrapped
 * data key, IV, key version and plaintext SHA-256 to D1 (`encrypted_objects`). Reading checks
 * the GCM tag and the checksum; any tamper or a revoked key throws ObjectUnreadableError,
 * never returns wrong bytes.
 */
import { and, eq } from 'drizzle-orm';
import type { ENCRYPTED_OBJECT_PURPOSES } from '../db/schema';
import { encryptedObjects } from '../db/schema';
import type { TenantDb, TenantStatement } from '../db/tenant-db';
import { decryptObject, encryptObject, type Kek } from './crypto/envelope';
import { sha256Hex } from './crypto/digest';
import { ObjectUnreadableError } from './object-unreadable';
import { activeKek, kekForVersion, type KeyContext } from './tenant-key-ring';

export type ObjectPurpose = (typeof ENCRYPTED_OBJECT_PURPOSES)[number];
export type EncryptedObjectRow = typeof encryptedObjects.$inferSelect;

export interface PutObject {
  objectId: string;
  purpose: ObjectPurpose;
  bytes: Uint8Array;
  contentType: string;
}

/** Every object of a tenant lives under this prefix, so a purge can list and delete them. */
export function tenantObjectPrefix(tenantId: string): string {
  return `tenants/${tenantId}/`;
}

export function objectR2Key(tenantId: string, purpose: ObjectPurpose, objectId: string) {
  return `${tenantObjectPrefix(tenantId)}${purpose}/${objectId}`;
}

/**
 * Encrypts and uploads the object, and returns its `encrypted_objects` row with the insert
 * statement, for the caller to run in its own batch (with the record that refers to the object
 * and its audit row). If that batch fails, call `discardSealed` so no orphan stays in R2.
 */
export async function sealEncrypted(
  db: TenantDb,
  bucket: R2Bucket,
  masterSecret: string,
  input: PutObject,
  context: KeyContext,
): Promise<{ row: EncryptedObjectRow; statement: TenantStatement }> {
  const kek = await activeKek(db, masterSecret, context);
  const row = await uploadSealed(db, bucket, kek, input, context.at);
  return { row, statement: objectRowStatement(db, row) };
}

/** Removes uploaded ciphertexts whose D1 rows were never written. */
export async function discardSealed(bucket: R2Bucket, rows: readonly EncryptedObjectRow[]) {
  if (rows.length > 0) await bucket.delete(rows.map((row) => row.r2Key));
}

export async function putEncrypted(
  db: TenantDb,
  bucket: R2Bucket,
  masterSecret: string,
  input: PutObject,
  context: KeyContext,
): Promise<EncryptedObjectRow> {
  const { row, statement } = await sealEncrypted(db, bucket, masterSecret, input, context);
  try {
    await db.batch([statement]);
  } catch (error) {
    await discardSealed(bucket, [row]);
    throw error;
  }
  return row;
}

/**
 * Encrypts and uploads the ciphertext without recording it: the caller puts
 * `objectRowStatement(row)` in its own batch (until then the object cannot be decrypted, as its
 * wrapped data key exists only in that row) and deletes the R2 key if the batch never runs.
 */
export async function uploadSealed(
  db: TenantDb,
  bucket: R2Bucket,
  kek: Kek,
  input: PutObject,
  at: Date,
): Promise<EncryptedObjectRow> {
  const sealed = await encryptObject({
    kek,
    tenantId: db.tenantId,
    objectId: input.objectId,
    plaintext: input.bytes,
  });
  const r2Key = objectR2Key(db.tenantId, input.purpose, input.objectId);
  await bucket.put(r2Key, sealed.ciphertext, {
    httpMetadata: { contentType: 'application/octet-stream' },
  });
  return {
    tenantId: db.tenantId,
    objectId: input.objectId,
    purpose: input.purpose,
    r2Key,
    contentType: input.contentType,
    kekVersion: sealed.kekVersion,
    wrappedDataKey: sealed.wrappedDataKey,
    iv: sealed.iv,
    plaintextSha256: await sha256Hex(input.bytes),
    plaintextBytes: input.bytes.length,
    createdAt: at,
  };
}

export function objectRowStatement(db: TenantDb, row: EncryptedObjectRow): TenantStatement {
  const { tenantId: _tenant, ...values } = row;
  return db.insert(encryptedObjects, values);
}

/** The statement that forgets an object's key row; delete `r2Key` from the bucket once it ran. */
export function deleteObjectRowStatement(db: TenantDb, objectId: string): TenantStatement {
  return db.delete(encryptedObjects, eq(encryptedObjects.objectId, objectId));
}

export function findEncryptedObject(db: TenantDb, objectId: string, purpose?: ObjectPurpose) {
  const byId = eq(encryptedObjects.objectId, objectId);
  return db.findOne(
    encryptedObjects,
    purpose ? and(byId, eq(encryptedObjects.purpose, purpose))! : byId,
  );
}

export interface DecryptedObject {
  bytes: Uint8Array;
  sha256: string;
  contentType: string;
  record: EncryptedObjectRow;
}

export async function getDecrypted(
  db: TenantDb,
  bucket: R2Bucket,
  masterSecret: string,
  objectId: string,
  purpose?: ObjectPurpose,
): Promise<DecryptedObject> {
  const record = await findEncryptedObject(db, objectId, purpose);
  if (!record) throw new ObjectUnreadableError('not-found');
  const kek = await kekForVersion(db, masterSecret, record.kekVersion);
  const stored = await bucket.get(record.r2Key);
  if (!stored) throw new ObjectUnreadableError('integrity');
  let bytes: Uint8Array;
  try {
    bytes = await decryptObject({
      kek,
      tenantId: db.tenantId,
      objectId: record.objectId,
      ciphertext: new Uint8Array(await stored.arrayBuffer()),
      iv: record.iv,
      wrappedDataKey: record.wrappedDataKey,
      kekVersion: record.kekVersion,
    });
  } catch (error) {
    throw new ObjectUnreadableError('integrity', error);
  }
  const sha256 = await sha256Hex(bytes);
  if (sha256 !== record.plaintextSha256) throw new ObjectUnreadableError('integrity');
  return { bytes, sha256, contentType: record.contentType, record };
}
