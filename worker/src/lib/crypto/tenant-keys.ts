/**
 * Tenant key-encryption keys (KEKs) for envelope.ts.
 *
 * Managed: a random AES-256 KEK per tenant and version, stored only wrapped by the Worker master
 * wrapping key. BYOK: the customer's 256-bit AES key arrives as a JWK and is stored the same way,
 * wrapped. The master wrapping key comes from a Worker secret string via HKDF-SHA-256.
 * wrappedKek = base64(IV 12 || encrypted key 32 || tag 16), AAD = (tenant id, KEK version).
 */
import { canonicalJsonBytes } from './canonical-json';
import {
  concatBytes,
  fromBase64,
  fromBase64Url,
  randomBytes,
  toBase64,
  utf8,
  type Bytes,
} from './encoding';
import { EnvelopeError, type Kek } from './envelope';

const HKDF_SALT = 'spendprint/master-wrapping-key/v1';
const MIN_SECRET_LENGTH = 32;
const IV_BYTES = 12;
const KEY_BYTES = 32;
const AES_GCM = { name: 'AES-GCM', length: 256 } as const;

export class KeyImportError extends Error {
  override readonly name = 'KeyImportError';
}

/** Derives the non-extractable master wrapping key from the Worker secret (≥ 32 characters). */
export async function deriveMasterWrappingKey(
  secret: string,
  purpose = 'tenant-kek-wrap',
): Promise<CryptoKey> {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new KeyImportError(`master secret must be at least ${MIN_SECRET_LENGTH} characters`);
  const material = await crypto.subtle.importKey('raw', utf8(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8(HKDF_SALT), info: utf8(purpose) },
    material,
    AES_GCM,
    false,
    ['encrypt', 'decrypt'],
  );
}

function importKekBytes(raw: Uint8Array, extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(raw), AES_GCM, extractable, [
    'encrypt',
    'decrypt',
  ]);
}

/** A new managed KEK, extractable only so it can be wrapped for storage. */
export async function generateTenantKek(): Promise<CryptoKey> {
  const raw = randomBytes(KEY_BYTES);
  const key = await importKekBytes(raw, true);
  raw.fill(0);
  return key;
}

function kekAad(tenantId: string, version: number): Bytes {
  if (!tenantId || !Number.isSafeInteger(version) || version < 1)
    throw new EnvelopeError('invalid-input', 'tenant id and version ≥ 1 required');
  return canonicalJsonBytes(['spendprint/tenant-kek/v1', tenantId, version]);
}

export async function wrapTenantKek(
  masterKey: CryptoKey,
  kek: CryptoKey,
  binding: { tenantId: string; version: number },
): Promise<string> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', kek));
  const iv = randomBytes(IV_BYTES);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: kekAad(binding.tenantId, binding.version) },
    masterKey,
    raw,
  );
  raw.fill(0);
  return toBase64(concatBytes(iv, new Uint8Array(sealed)));
}

/** Unwraps a stored KEK; non-extractable unless it must be re-wrapped under a new master key. */
export async function unwrapTenantKek(
  masterKey: CryptoKey,
  wrappedKek: string,
  binding: { tenantId: string; version: number },
  options: { extractable?: boolean } = {},
): Promise<Kek> {
  let blob: Bytes;
  try {
    blob = fromBase64(wrappedKek);
  } catch {
    throw new EnvelopeError('unwrap-failed', 'wrapped key is not base64');
  }
  if (blob.length !== IV_BYTES + KEY_BYTES + 16)
    throw new EnvelopeError('unwrap-failed', 'wrapped key has the wrong length');
  let raw: Bytes;
  try {
    raw = new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: blob.slice(0, IV_BYTES),
          additionalData: kekAad(binding.tenantId, binding.version),
        },
        masterKey,
        blob.slice(IV_BYTES),
      ),
    );
  } catch {
    throw new EnvelopeError(
      'unwrap-failed',
      'tenant key does not unwrap for this tenant and version',
    );
  }
  const key = await importKekBytes(raw, options.extractable ?? false);
  raw.fill(0);
  return { key, version: binding.version };
}

const BYOK_ALGORITHMS = new Set(['A256GCM', 'A256KW', 'A256GCMKW']);

/**
 * Customer-supplied key: a symmetric JWK (kty "oct") of exactly 256 bits. Anything else (RSA/EC,
 * other sizes, an HMAC alg, a key restricted to signing) is refused. Extractable so it can be
 * wrapped for storage; the clear JWK must not be stored or logged.
 */
export async function importByokJwk(jwk: unknown): Promise<CryptoKey> {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk))
    throw new KeyImportError('key must be a JWK object');
  const record = jwk as Record<string, unknown>;
  if (record.kty !== 'oct') throw new KeyImportError('key must be a symmetric JWK (kty "oct")');
  if (
    record.alg !== undefined &&
    (typeof record.alg !== 'string' || !BYOK_ALGORITHMS.has(record.alg))
  ) {
    throw new KeyImportError('alg must be A256GCM, A256KW or A256GCMKW when present');
  }
  if (record.use !== undefined && record.use !== 'enc')
    throw new KeyImportError('use must be "enc" when present');
  if (typeof record.k !== 'string') throw new KeyImportError('JWK has no key material (k)');
  let raw: Bytes;
  try {
    raw = fromBase64Url(record.k);
  } catch {
    throw new KeyImportError('k is not base64url');
  }
  if (raw.length !== KEY_BYTES) throw new KeyImportError('key must be exactly 256 bits');
  const key = await importKekBytes(raw, true);
  raw.fill(0);
  return key;
}
