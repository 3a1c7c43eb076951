import { normaliseDescription } from '../../../../shared/engine';

const encoder = new TextEncoder();
const HKDF_INFO = encoder.encode('spendprint description-hash v1');
const keys = new Map<string, Promise<CryptoKey>>();

/** The tenant's HMAC key: HKDF-SHA-256 of the Worker secret, salted with the tenant id. */
function tenantKey(secret: string, tenantId: string): Promise<CryptoKey> {
  const cacheKey = `${tenantId}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = (async () => {
      const root = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
        'deriveKey',
      ]);
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(tenantId), info: HKDF_INFO },
        root,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign'],
      );
    })();
    keys.set(cacheKey, key);
  }
  return key;
}

/**
 * Keyed hash of a description (HMAC-SHA-256 of its normalised form, base64url): equal
 * descriptions of one tenant hash alike, while another tenant, or anyone without the secret,
 * cannot test guesses against it.
 */
export async function hashDescription(
  secret: string,
  tenantId: string,
  description: string,
): Promise<string> {
  if (!secret) throw new Error('DESCRIPTION_HASH_SECRET is not set');
  const key = await tenantKey(secret, tenantId);
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(normaliseDescription(description)),
  );
  return base64url(new Uint8Array(mac));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
