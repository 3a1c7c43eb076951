/**
 * A backup must be restorable when the database it came from is gone, so unlike other
 * encrypted objects it carries its own key material: the data key wrapped by the tenant's KEK,
 * and that KEK as stored in `tenant_keys` (wrapped by the master key). Restoring needs the
 * master secret; revoking the KEK version deletes the backups made under it.
 */
import { sha256Hex } from '../../lib/crypto/digest';
import { fromBase64, toBase64 } from '../../lib/crypto/encoding';
import { decryptObject, encryptObject } from '../../lib/crypto/envelope';
import { deriveMasterWrappingKey, unwrapTenantKek } from '../../lib/crypto/tenant-keys';

export const BACKUP_FORMAT = 'spendprint-backup/v1';

export interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  backupId: string;
  tenantId: string;
  createdAt: string;
  /** SHA-256 (hex) of the plaintext, checked after decryption. */
  sha256: string;
  kekVersion: number;
  wrappedKek: string;
  iv: string;
  wrappedDataKey: string;
  ciphertext: string;
}

export interface BackupKey {
  version: number;
  wrappedKek: string;
}

export class BackupUnreadableError extends Error {
  override readonly name = 'BackupUnreadableError';
}

async function tenantKek(masterSecret: string, tenantId: string, key: BackupKey) {
  const master = await deriveMasterWrappingKey(masterSecret);
  return unwrapTenantKek(master, key.wrappedKek, { tenantId, version: key.version });
}

export async function sealBackup(input: {
  masterSecret: string;
  key: BackupKey;
  tenantId: string;
  backupId: string;
  createdAt: Date;
  plaintext: Uint8Array;
}): Promise<BackupEnvelope> {
  const kek = await tenantKek(input.masterSecret, input.tenantId, input.key);
  const sealed = await encryptObject({
    kek,
    tenantId: input.tenantId,
    objectId: input.backupId,
    plaintext: input.plaintext,
  });
  return {
    format: BACKUP_FORMAT,
    backupId: input.backupId,
    tenantId: input.tenantId,
    createdAt: input.createdAt.toISOString(),
    sha256: await sha256Hex(input.plaintext),
    kekVersion: input.key.version,
    wrappedKek: input.key.wrappedKek,
    iv: sealed.iv,
    wrappedDataKey: sealed.wrappedDataKey,
    ciphertext: toBase64(sealed.ciphertext),
  };
}

/** The plaintext, or BackupUnreadableError on a wrong secret, any tamper or a bad checksum. */
export async function openBackup(envelope: BackupEnvelope, masterSecret: string) {
  if (envelope?.format !== BACKUP_FORMAT) {
    throw new BackupUnreadableError('not a Spendprint backup (unknown format)');
  }
  let plaintext: Uint8Array;
  try {
    const kek = await tenantKek(masterSecret, envelope.tenantId, {
      version: envelope.kekVersion,
      wrappedKek: envelope.wrappedKek,
    });
    plaintext = await decryptObject({
      kek,
      tenantId: envelope.tenantId,
      objectId: envelope.backupId,
      ciphertext: fromBase64(envelope.ciphertext),
      iv: envelope.iv,
      wrappedDataKey: envelope.wrappedDataKey,
      kekVersion: envelope.kekVersion,
    });
  } catch {
    throw new BackupUnreadableError('the backup does not decrypt: wrong secret or tampered');
  }
  if ((await sha256Hex(plaintext)) !== envelope.sha256) {
    throw new BackupUnreadableError('the backup checksum does not match');
  }
  return plaintext;
}
