import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTenant } from '../../test/fixtures';
import { createDatabase } from '../db/client';
import { encryptedObjects, tenantKeys } from '../db/schema';
import { TenantDb } from '../db/tenant-db';
import { generateTenantKek } from './crypto/tenant-keys';
import { sha256Hex } from './crypto/digest';
import { getDecrypted, putEncrypted } from './object-store';
import { ObjectUnreadableError } from './object-unreadable';
import { addKeyVersion, revokeKeyVersion } from './tenant-key-ring';

const SECRET = env.KEY_WRAPPING_SECRET;
const PLAINTEXT = 'supplier,kg\nACME Steel,1234.5\n'.repeat(20);

async function storeOne(label: string) {
  const tenant = await createTenant(label);
  const db = new TenantDb(createDatabase(env.DB), tenant.id);
  const context = { actor: tenant.userIds.admin, requestId: 'req-test', at: new Date() };
  const objectId = `obj_${crypto.randomUUID()}`;
  const bytes = new TextEncoder().encode(PLAINTEXT);
  const row = await putEncrypted(
    db,
    env.BUCKET,
    SECRET,
    { objectId, purpose: 'test', bytes, contentType: 'text/csv' },
    context,
  );
  return { tenant, db, context, objectId, bytes, row };
}

async function expectUnreadable(promise: Promise<unknown>, reason: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ObjectUnreadableError);
  expect((error as ObjectUnreadableError).reason).toBe(reason);
}

describe('object store', () => {
  it('round-trips bytes with their SHA-256, and R2 holds no plaintext', async () => {
    const { db, objectId, bytes, row } = await storeOne('store-roundtrip');
    const stored = new Uint8Array(await (await env.BUCKET.get(row.r2Key))!.arrayBuffer());
    const text = new TextDecoder('latin1').decode(stored);
    expect(text).not.toContain('ACME Steel');
    expect(stored.length).toBe(bytes.length + 16);
    const read = await getDecrypted(db, env.BUCKET, SECRET, objectId);
    expect(new TextDecoder().decode(read.bytes)).toBe(PLAINTEXT);
    expect(read.sha256).toBe(await sha256Hex(bytes));
    expect(read.contentType).toBe('text/csv');
    const [record] = await db.select(encryptedObjects, eq(encryptedObjects.objectId, objectId));
    expect(JSON.stringify(record)).not.toContain('ACME');
  });

  it('keeps objects readable after rotation, with the old key no longer used', async () => {
    const { db, objectId, context } = await storeOne('store-rotate');
    const change = await addKeyVersion(db, SECRET, {
      kind: 'managed',
      key: await generateTenantKek(),
      ...context,
    });
    await db.batch(change.statements);
    expect(change.rewrapped).toBe(1);
    const [record] = await db.select(encryptedObjects, eq(encryptedObjects.objectId, objectId));
    expect(record!.kekVersion).toBe(2);
    // Shredding the retired version must not matter any more.
    await db.batch([revokeKeyVersion(db, 1, new Date())]);
    const read = await getDecrypted(db, env.BUCKET, SECRET, objectId);
    expect(new TextDecoder().decode(read.bytes)).toBe(PLAINTEXT);
  });

  it('refuses to read anything under a revoked key (an error, not garbage)', async () => {
    const { db, objectId } = await storeOne('store-revoke');
    await db.batch([revokeKeyVersion(db, 1, new Date())]);
    await expectUnreadable(getDecrypted(db, env.BUCKET, SECRET, objectId), 'key-revoked');
  });

  it('detects a tampered ciphertext', async () => {
    const { db, objectId, row } = await storeOne('store-tamper-ct');
    const stored = new Uint8Array(await (await env.BUCKET.get(row.r2Key))!.arrayBuffer());
    stored[5]! ^= 0x01;
    await env.BUCKET.put(row.r2Key, stored);
    await expectUnreadable(getDecrypted(db, env.BUCKET, SECRET, objectId), 'integrity');
  });

  it('detects a tampered data-key record or key row', async () => {
    const first = await storeOne('store-tamper-dk');
    const other = await putEncrypted(
      first.db,
      env.BUCKET,
      SECRET,
      {
        objectId: `obj_${crypto.randomUUID()}`,
        purpose: 'test',
        bytes: new Uint8Array([1, 2, 3]),
        contentType: 'application/octet-stream',
      },
      first.context,
    );
    // Another object's wrapped key moved onto this record.
    await first.db.batch([
      first.db.update(
        encryptedObjects,
        { wrappedDataKey: other.wrappedDataKey },
        eq(encryptedObjects.objectId, first.objectId),
      ),
    ]);
    await expectUnreadable(getDecrypted(first.db, env.BUCKET, SECRET, first.objectId), 'integrity');

    const second = await storeOne('store-tamper-kek');
    const [key] = await second.db.select(tenantKeys);
    const flipped = key!.wrappedKek!.startsWith('A')
      ? `B${key!.wrappedKek!.slice(1)}`
      : `A${key!.wrappedKek!.slice(1)}`;
    await second.db.batch([
      second.db.update(tenantKeys, { wrappedKek: flipped }, eq(tenantKeys.version, 1)),
    ]);
    await expectUnreadable(
      getDecrypted(second.db, env.BUCKET, SECRET, second.objectId),
      'integrity',
    );
  });

  it('detects a record whose checksum was changed', async () => {
    const { db, objectId } = await storeOne('store-tamper-sum');
    await db.batch([
      db.update(
        encryptedObjects,
        { plaintextSha256: '0'.repeat(64) },
        eq(encryptedObjects.objectId, objectId),
      ),
    ]);
    await expectUnreadable(getDecrypted(db, env.BUCKET, SECRET, objectId), 'integrity');
  });

  it('answers not-found for another tenant', async () => {
    const { objectId } = await storeOne('store-owner');
    const intruder = await createTenant('store-intruder');
    const db = new TenantDb(createDatabase(env.DB), intruder.id);
    await expectUnreadable(getDecrypted(db, env.BUCKET, SECRET, objectId), 'not-found');
  });
});
