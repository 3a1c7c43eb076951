/** Random bearer tokens, API keys and their storage forms. Parsers never throw. */
import { constantTimeEqualStrings, randomBytes, toBase64Url } from './encoding';
import { sha256, sha256Hex } from './digest';

const MIN_TOKEN_BYTES = 16;
const DEFAULT_TOKEN_BYTES = 32;

/** ≥128 random bits, base64url. Store only hashToken(token). */
export function generateToken(byteLength = DEFAULT_TOKEN_BYTES): string {
  if (!Number.isInteger(byteLength) || byteLength < MIN_TOKEN_BYTES)
    throw new RangeError('tokens need at least 128 bits');
  return toBase64Url(randomBytes(byteLength));
}

/** SHA-256 hex: the only form of a token, API key or reset link kept in the database. */
export function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** First 16 characters of base64url(SHA-256(token)): identifies a credential in logs without revealing it. */
export async function tokenFingerprint(token: string): Promise<string> {
  return toBase64Url(await sha256(token)).slice(0, 16);
}

/** Compares a presented token with a stored hash in constant time. */
export async function tokenMatchesHash(token: string, storedHash: string): Promise<boolean> {
  return constantTimeEqualStrings(await hashToken(token), storedHash);
}

export const API_KEY_PREFIX_LENGTH = 8;
const API_KEY_SECRET_BYTES = 32;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const API_KEY = /^sp_live_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface ApiKey {
  /** The whole key, shown to the admin exactly once. */
  key: string;
  /** Listed in the console to tell keys apart. */
  prefix: string;
  /** SHA-256 hex of the whole key: what is stored. */
  hash: string;
}

function randomPrefix(): string {
  // 252 is the largest multiple of 36 below 256: rejection keeps the characters uniform.
  let out = '';
  while (out.length < API_KEY_PREFIX_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < 252 && out.length < API_KEY_PREFIX_LENGTH) out += PREFIX_ALPHABET[byte % 36];
    }
  }
  return out;
}

/** sp_live_<8-char prefix>_<256-bit secret, base64url>. */
export async function generateApiKey(): Promise<ApiKey> {
  const prefix = randomPrefix();
  const key = `sp_live_${prefix}_${toBase64Url(randomBytes(API_KEY_SECRET_BYTES))}`;
  return { key, prefix, hash: await hashToken(key) };
}

/** { prefix } of a well-formed API key, or null for anything else. */
export function parseApiKey(input: unknown): { prefix: string; secret: string } | null {
  if (typeof input !== 'string') return null;
  const match = API_KEY.exec(input);
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;
const MAX_AUTHORIZATION_LENGTH = 4096;

/** The credential of an `Authorization: Bearer …` header (RFC 6750 token68), or null. */
export function parseBearerToken(header: unknown): string | null {
  if (typeof header !== 'string' || header.length > MAX_AUTHORIZATION_LENGTH) return null;
  const match = BEARER.exec(header);
  return match ? match[1]! : null;
}
