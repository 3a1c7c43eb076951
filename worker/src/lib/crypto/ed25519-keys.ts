import { fromBase64Url, type Bytes } from './encoding';

/** Ed25519 public key as a JWK (RFC 8037). */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid?: string;
}

export interface Ed25519PrivateJwk extends Ed25519PublicJwk {
  d: string;
}

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

const ED25519 = { name: 'Ed25519' } as const;

export async function generateEd25519KeyPair(): Promise<{
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

export async function exportEd25519PublicJwk(publicKey: CryptoKey): Promise<Ed25519PublicJwk> {
  const jwk = (await crypto.subtle.exportKey('jwk', publicKey)) as JsonWebKey;
  return { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x) };
}

/** The private JWK is a secret: store it only as a Worker secret or wrapped, never log it. */
export async function exportEd25519PrivateJwk(privateKey: CryptoKey): Promise<Ed25519PrivateJwk> {
  const jwk = (await crypto.subtle.exportKey('jwk', privateKey)) as JsonWebKey;
  return { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), d: String(jwk.d) };
}

function checkKeyPart(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new SigningKeyError(`JWK ${field} missing`);
  let bytes: Bytes;
  try {
    bytes = fromBase64Url(value);
  } catch {
    throw new SigningKeyError(`JWK ${field} is not base64url`);
  }
  if (bytes.length !== 32) throw new SigningKeyError(`JWK ${field} must be 32 bytes`);
  return value;
}

function checkEd25519Jwk(jwk: unknown): Record<string, unknown> {
  if (typeof jwk !== 'object' || jwk === null) throw new SigningKeyError('JWK must be an object');
  const record = jwk as Record<string, unknown>;
  if (record.kty !== 'OKP' || record.crv !== 'Ed25519')
    throw new SigningKeyError('JWK must be kty OKP, crv Ed25519');
  checkKeyPart(record.x, 'x');
  return record;
}

/** Imports a verification key; refuses anything but an Ed25519 public JWK. */
export async function importEd25519PublicJwk(jwk: unknown): Promise<CryptoKey> {
  const record = checkEd25519Jwk(jwk);
  if ('d' in record) throw new SigningKeyError('expected a public key, got a private key');
  return crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', x: record.x as string },
    ED25519,
    true,
    ['verify'],
  );
}

export async function importEd25519PrivateJwk(jwk: unknown): Promise<CryptoKey> {
  const record = checkEd25519Jwk(jwk);
  const d = checkKeyPart(record.d, 'd');
  return crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', x: record.x as string, d },
    ED25519,
    false,
    ['sign'],
  );
}

export function ed25519PublicKeyBytes(jwk: Ed25519PublicJwk): Bytes {
  return fromBase64Url(checkKeyPart(jwk.x, 'x'));
}
