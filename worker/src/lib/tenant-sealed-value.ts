/**
 * Small secrets kept in D1 under the tenant's own key (managed or BYOK): envelope encryption
 * as for R2 objects (fresh data key, AES-256-GCM, bound to tenant and a caller-chosen binding
 * such as "connector/<id>/client-secret"), with the ciphertext inline instead of in R2.
 *
 * Format: `tk1.<key version>.<iv>.<wrapped data key>.<ciphertext>` (base64 parts).
 * A revoked key version makes the value unreadable (crypto-shredding), like any object under it.
 */
import type { TenantDb } from '../db/tenant-db';
import { decryptObject, encryptObject, type Kek } from './crypto/envelope';
import { decodeUtf8Strict, fromBase64, toBase64, utf8 } from './crypto/encoding';
import { ObjectUnreadableError } from './object-unreadable';
import { activeKek, kekForVersion, type KeyContext } from './tenant-key-ring';

const PREFIX = 'tk1';

export type TenantSealer = (binding: string, plaintext: string) => Promise<string>;

/** Seals any number of values under one lookup of the active key. */
export async function tenantSealer(
  db: TenantDb,
  masterSecret: string,
  context: KeyContext,
): Promise<TenantSealer> {
  const kek = await activeKek(db, masterSecret, context);
  return async (binding, plaintext) => {
    const sealed = await encryptObject({
      kek,
      tenantId: db.tenantId,
      objectId: binding,
      plaintext: utf8(plaintext),
    });
    return [
      PREFIX,
      sealed.kekVersion,
      sealed.iv,
      sealed.wrappedDataKey,
      toBase64(sealed.ciphertext),
    ].join('.');
  };
}

export async function sealForTenant(
  db: TenantDb,
  masterSecret: string,
  binding: string,
  plaintext: string,
  context: KeyContext,
): Promise<string> {
  return (await tenantSealer(db, masterSecret, context))(binding, plaintext);
}

/** The key version a value is sealed under (to re-seal values left under a retired one). */
export function sealedKeyVersion(sealed: string): number | null {
  const [prefix, version] = sealed.split('.');
  const parsed = Number(version);
  return prefix === PREFIX && Number.isInteger(parsed) && parsed > 0 ? parsed : null;
}

export type TenantOpener = (binding: string, sealed: string) => Promise<string>;

/**
 * Opens any number of values, unwrapping each key version once. The opener throws
 * ObjectUnreadableError on a revoked key, a tampered value or another binding.
 */
export function tenantOpener(db: TenantDb, masterSecret: string): TenantOpener {
  const keks = new Map<number, Promise<Kek>>();
  return async (binding, sealed) => {
    const parts = sealed.split('.');
    const kekVersion = sealedKeyVersion(sealed);
    if (parts.length !== 5 || kekVersion === null) throw new ObjectUnreadableError('integrity');
    const [, , iv, wrappedDataKey, ciphertext] = parts as [string, string, string, string, string];
    let kek = keks.get(kekVersion);
    if (!kek) {
      kek = kekForVersion(db, masterSecret, kekVersion);
      keks.set(kekVersion, kek);
    }
    const key = await kek;
    try {
      const bytes = await decryptObject({
        kek: key,
        tenantId: db.tenantId,
        objectId: binding,
        ciphertext: fromBase64(ciphertext),
        iv,
        wrappedDataKey,
        kekVersion,
      });
      return decodeUtf8Strict(bytes);
    } catch (error) {
      throw new ObjectUnreadableError('integrity', error);
    }
  };
}

/** Throws ObjectUnreadableError on a revoked key, a tampered value or another binding. */
export function unsealForTenant(
  db: TenantDb,
  masterSecret: string,
  binding: string,
  sealed: string,
): Promise<string> {
  return tenantOpener(db, masterSecret)(binding, sealed);
}
