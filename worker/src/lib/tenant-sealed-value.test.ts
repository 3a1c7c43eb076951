import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant } from '../../test/fixtures';
import { createDatabase } from '../db/client';
import { TenantDb } from '../db/tenant-db';
import { generateTenantKek } from './crypto/tenant-keys';
import { ObjectUnreadableError } from './object-unreadable';
import { addKeyVersion, revokeKeyVersion } from './tenant-key-ring';
import { sealedKeyVersion, sealForTenant, unsealForTenant } from './tenant-sealed-value';

const SECRET = env.KEY_WRAPPING_SECRET;
const PLAINTEXT = `client-secret-${crypto.randomUUID()}`;

async function sealedOne(label: string) {
  const tenant = await createTenant(label);
  const db = new TenantDb(createDatabase(env.DB), tenant.id);
  const context = { actor: tenant.userIds.admin, requestId: 'req-test', at: new Date() };
  const sealed = await sealForTenant(db, SECRET, 'connector/x/secret', PLAINTEXT, context);
  return { tenant, db, context, sealed };
}

async function reasonOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ObjectUnreadableError);
  return (error as ObjectUnreadableError).reason;
}

describe('values sealed under the tenant key', () => {
  it('round-trip, and the sealed form holds no plaintext', async () => {
    const { db, sealed } = await sealedOne('sealed-roundtrip');
    expect(sealed).not.toContain(PLAINTEXT);
    expect(sealed).toMatch(/^tk1\.1\./);
    expect(sealedKeyVersion(sealed)).toBe(1);
    expect(await unsealForTenant(db, SECRET, 'connector/x/secret', sealed)).toBe(PLAINTEXT);
  });

  it('refuse another binding, another tenant and a flipped byte', async () => {
    const { db, sealed } = await sealedOne('sealed-binding');
    expect(await reasonOf(unsealForTenant(db, SECRET, 'connector/y/secret', sealed))).toBe(
      'integrity',
    );
    const other = await createTenant('sealed-other');
    const otherDb = new TenantDb(createDatabase(env.DB), other.id);
    await sealForTenant(otherDb, SECRET, 'warm-up', 'x', {
      actor: 'test',
      requestId: 'req',
      at: new Date(),
    });
    expect(await reasonOf(unsealForTenant(otherDb, SECRET, 'connector/x/secret', sealed))).toBe(
      'integrity',
    );
    const parts = sealed.split('.');
    const ciphertext = parts[4]!;
    parts[4] = `${ciphertext.slice(0, 5)}${ciphertext[5] === 'A' ? 'B' : 'A'}${ciphertext.slice(6)}`;
    const flipped = parts.join('.');
    expect(await reasonOf(unsealForTenant(db, SECRET, 'connector/x/secret', flipped))).toBe(
      'integrity',
    );
  });

  it('stay readable after rotation and become unreadable when their key is revoked', async () => {
    const { db, sealed, context } = await sealedOne('sealed-rotate');
    const change = await addKeyVersion(db, SECRET, {
      kind: 'managed',
      key: await generateTenantKek(),
      ...context,
    });
    await db.batch(change.statements);
    expect(await unsealForTenant(db, SECRET, 'connector/x/secret', sealed)).toBe(PLAINTEXT);
    const resealed = await sealForTenant(db, SECRET, 'connector/x/secret', PLAINTEXT, context);
    expect(sealedKeyVersion(resealed)).toBe(2);
    await db.batch([revokeKeyVersion(db, 1, new Date())]);
    expect(await reasonOf(unsealForTenant(db, SECRET, 'connector/x/secret', sealed))).toBe(
      'key-revoked',
    );
    expect(await unsealForTenant(db, SECRET, 'connector/x/secret', resealed)).toBe(PLAINTEXT);
  });
});
