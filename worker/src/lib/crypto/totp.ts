/** RFC 6238 TOTP on WebCrypto HMAC, with single-use steps, enrolment URIs and recovery codes. */
import { fromBase32, toBase32 } from './base32';
import { constantTimeEqualStrings, randomBytes, type Bytes } from './encoding';
import { sha256Hex } from './digest';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  /** 6 to 8 */
  digits?: number;
  /** seconds */
  period?: number;
}

const DEFAULTS: Required<TotpOptions> = { algorithm: 'SHA1', digits: 6, period: 30 };
const HASH_NAMES: Record<TotpAlgorithm, string> = {
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA512: 'SHA-512',
};
const MIN_SECRET_BYTES = 20;
const DRIFT_STEPS = 1;

function resolve(options: TotpOptions): Required<TotpOptions> {
  const resolved = { ...DEFAULTS, ...options };
  if (!Number.isInteger(resolved.digits) || resolved.digits < 6 || resolved.digits > 8)
    throw new RangeError('digits must be 6 to 8');
  if (!Number.isInteger(resolved.period) || resolved.period < 1)
    throw new RangeError('period must be a positive integer');
  if (!(resolved.algorithm in HASH_NAMES)) throw new RangeError('unsupported algorithm');
  return resolved;
}

function secretBytes(secret: Uint8Array | string): Bytes {
  return typeof secret === 'string' ? fromBase32(secret) : new Uint8Array(secret);
}

/** The time step a moment falls in. */
export function totpStep(now: Date, period: number = DEFAULTS.period): number {
  return Math.floor(now.getTime() / 1000 / period);
}

/** HOTP (RFC 4226) value for one step, with a 64-bit big-endian counter. */
export async function totpCodeForStep(
  secret: Uint8Array | string,
  step: number,
  options: TotpOptions = {},
): Promise<string> {
  const { algorithm, digits } = resolve(options);
  const counter = new Uint8Array(8);
  new DataView(counter.buffer).setBigUint64(0, BigInt(step));
  const key = await crypto.subtle.importKey(
    'raw',
    secretBytes(secret),
    { name: 'HMAC', hash: HASH_NAMES[algorithm] },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export async function totpCodeAt(
  secret: Uint8Array | string,
  now: Date,
  options: TotpOptions = {},
): Promise<string> {
  return totpCodeForStep(secret, totpStep(now, resolve(options).period), options);
}

/**
 * Returns the step the code matched (current ±1 for clock drift) or null. A step at or before
 * `lastUsedStep` is refused, so a code cannot be replayed; store the returned step as the new
 * lastUsedStep.
 */
export async function verifyTotp(
  secret: Uint8Array | string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
  options: TotpOptions = {},
): Promise<number | null> {
  const resolved = resolve(options);
  if (typeof code !== 'string' || !new RegExp(`^\\d{${resolved.digits}}$`).test(code)) return null;
  const current = totpStep(now, resolved.period);
  let matched: number | null = null;
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    // Every candidate is computed and compared: no early exit to time.
    const equal = constantTimeEqualStrings(await totpCodeForStep(secret, step, resolved), code);
    if (equal && matched === null) matched = step;
  }
  return matched;
}

/** A fresh base32 secret of at least 160 bits (RFC 4226 recommends 160). Store it encrypted. */
export function generateTotpSecret(byteLength = MIN_SECRET_BYTES): string {
  if (byteLength < MIN_SECRET_BYTES) throw new RangeError('TOTP secrets must be at least 160 bits');
  return toBase32(randomBytes(byteLength));
}

/** otpauth://totp/ URI (Key Uri Format) for QR enrolment. Contains the secret: never log it. */
export function buildOtpauthUri(
  input: { issuer: string; accountName: string; secret: string } & TotpOptions,
): string {
  const { algorithm, digits, period } = resolve(input);
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.accountName)}`;
  const params = new URLSearchParams({
    secret: input.secret.replace(/[\s=]/g, '').toUpperCase(),
    issuer: input.issuer,
    algorithm,
    digits: String(digits),
    period: String(period),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

const RECOVERY_CODE_COUNT = 10;

/** Upper-case base32 without separators, so "abcd-efgh…" and "ABCDEFGH…" are the same code. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Ten codes of 80 random bits each, shown once as XXXX-XXXX-XXXX-XXXX. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => toBase32(randomBytes(10)).match(/.{4}/g)!.join('-'));
}

/** 80 random bits make a plain SHA-256 safe against guessing; no slow KDF is needed. */
export async function hashRecoveryCode(code: string): Promise<string> {
  return sha256Hex(`spendprint/recovery-code/v1:${normalizeRecoveryCode(code)}`);
}

/** Index of the stored hash the code matches, or null. Remove that hash after use (single use). */
export async function findRecoveryCode(
  code: string,
  storedHashes: readonly string[],
): Promise<number | null> {
  if (typeof code !== 'string' || !/^[A-Z2-7]{16}$/.test(normalizeRecoveryCode(code))) return null;
  const candidate = await hashRecoveryCode(code);
  let found: number | null = null;
  storedHashes.forEach((stored, index) => {
    if (constantTimeEqualStrings(stored, candidate) && found === null) found = index;
  });
  return found;
}
