/**
 * Envelope encryption of stored objects (reports, exports, backups, secrets at rest).
 *
 * - Each object: AES-256-GCM under a fresh random data key and a random 96-bit IV, with
 *   additional authenticated data binding it to (tenant id, object id).
 * - The data key is wrapped with AES-256-GCM under the tenant's key-encryption key (KEK), with
 *   its own random IV and the same (tenant, object) binding. AES-GCM rather than AES-KW: AES-KW
 *   has no associated data, so a wrapped key could be moved to another object's record unnoticed.
 *   wrappedDataKey = base64(IV 12 bytes || encrypted key 32 bytes || tag 16 bytes).
 * - Rotation re-wraps the data key under a new KEK version without touching the ciphertext.
 *   Destroying a KEK leaves every object under it unreadable (crypto-shredding).
 */
import { canonicalJsonBytes } from './canonical-json';
import { concatBytes, fromBase64, randomBytes, toBase64, type Bytes } from './encoding';

export { sha256Hex } from './digest';

export const ENVELOPE_ALGORITHM = 'AES-256-GCM';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export type EnvelopeErrorCode = 'decrypt-failed' | 'unwrap-failed' | 'invalid-input';

/** Thrown on any tamper (ciphertext, IV, wrapped key, tenant or object) or wrong key. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A tenant key-encryption key (AES-GCM, usages encrypt/decrypt) and its version number. */
export interface Kek {
  key: CryptoKey;
  version: number;
}

export interface ObjectBinding {
  tenantId: string;
  objectId: string;
}

/** Everything needed to decrypt except the KEK. Store the fields in D1 keyed by object; never the data key. */
export interface EncryptedObject extends ObjectBinding {
  algorithm: typeof ENVELOPE_ALGORITHM;
  ciphertext: Bytes;
  /** base64, 12 bytes */
  iv: string;
  /** base64(IV || wrapped key || tag) */
  wrappedDataKey: string;
  kekVersion: number;
}

export interface WrappedDataKeyRecord extends ObjectBinding {
  wrappedDataKey: string;
  kekVersion: number;
}

function bindingAad(purpose: 'object' | 'data-key', binding: ObjectBinding): Bytes {
  if (!binding.tenantId || !binding.objectId)
    throw new EnvelopeError('invalid-input', 'tenant id and object id are required');
  // A JSON array keeps ("a|b","c") and ("a","b|c") distinct.
  return canonicalJsonBytes([`spendprint/${purpose}/v1`, binding.tenantId, binding.objectId]);
}

async function wrapDataKey(
  kek: CryptoKey,
  dataKey: Uint8Array,
  binding: ObjectBinding,
): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: bindingAad('data-key', binding) },
    kek,
    new Uint8Array(dataKey),
  );
  return toBase64(concatBytes(iv, new Uint8Array(sealed)));
}

async function unwrapDataKey(
  kek: CryptoKey,
  wrapped: string,
  binding: ObjectBinding,
): Promise<Bytes> {
  let blob: Bytes;
  try {
    blob = fromBase64(wrapped);
  } catch {
    throw new EnvelopeError('unwrap-failed', 'wrapped data key is not base64');
  }
  if (blob.length !== IV_BYTES + KEY_BYTES + 16)
    throw new EnvelopeError('unwrap-failed', 'wrapped data key has the wrong length');
  try {
    const raw = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: blob.slice(0, IV_BYTES),
        additionalData: bindingAad('data-key', binding),
      },
      kek,
      blob.slice(IV_BYTES),
    );
    return new Uint8Array(raw);
  } catch {
    throw new EnvelopeError(
      'unwrap-failed',
      'data key does not unwrap under this key for this object',
    );
  }
}

function importDataKey(raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'AES-GCM' }, false, [usage]);
}

export async function encryptObject(input: {
  kek: Kek;
  tenantId: string;
  objectId: string;
  plaintext: Uint8Array;
}): Promise<EncryptedObject> {
  const binding = { tenantId: input.tenantId, objectId: input.objectId };
  const rawDataKey = randomBytes(KEY_BYTES);
  const iv = randomBytes(IV_BYTES);
  const dataKey = await importDataKey(rawDataKey, 'encrypt');
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: bindingAad('object', binding) },
    dataKey,
    new Uint8Array(input.plaintext),
  );
  const wrappedDataKey = await wrapDataKey(input.kek.key, rawDataKey, binding);
  rawDataKey.fill(0);
  return {
    ...binding,
    algorithm: ENVELOPE_ALGORITHM,
    ciphertext: new Uint8Array(ciphertext),
    iv: toBase64(iv),
    wrappedDataKey,
    kekVersion: input.kek.version,
  };
}

export async function decryptObject(input: {
  kek: Kek;
  tenantId: string;
  objectId: string;
  ciphertext: Uint8Array;
  iv: string;
  wrappedDataKey: string;
  kekVersion: number;
}): Promise<Bytes> {
  if (input.kekVersion !== input.kek.version) {
    throw new EnvelopeError(
      'unwrap-failed',
      `object is wrapped under key version ${input.kekVersion}`,
    );
  }
  const binding = { tenantId: input.tenantId, objectId: input.objectId };
  let iv: Bytes;
  try {
    iv = fromBase64(input.iv);
  } catch {
    throw new EnvelopeError('decrypt-failed', 'IV is not base64');
  }
  if (iv.length !== IV_BYTES) throw new EnvelopeError('decrypt-failed', 'IV must be 96 bits');
  const rawDataKey = await unwrapDataKey(input.kek.key, input.wrappedDataKey, binding);
  const dataKey = await importDataKey(rawDataKey, 'decrypt');
  rawDataKey.fill(0);
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: bindingAad('object', binding) },
      dataKey,
      new Uint8Array(input.ciphertext),
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new EnvelopeError('decrypt-failed', 'ciphertext, IV or binding was altered');
  }
}

/** Key rotation: the same data key under `newKek`, the object's ciphertext untouched. */
export async function rewrapDataKey(
  oldKek: Kek,
  newKek: Kek,
  record: WrappedDataKeyRecord,
): Promise<WrappedDataKeyRecord> {
  if (record.kekVersion !== oldKek.version) {
    throw new EnvelopeError(
      'unwrap-failed',
      `record is wrapped under key version ${record.kekVersion}`,
    );
  }
  const binding = { tenantId: record.tenantId, objectId: record.objectId };
  const rawDataKey = await unwrapDataKey(oldKek.key, record.wrappedDataKey, binding);
  const wrappedDataKey = await wrapDataKey(newKek.key, rawDataKey, binding);
  rawDataKey.fill(0);
  return { ...binding, wrappedDataKey, kekVersion: newKek.version };
}
