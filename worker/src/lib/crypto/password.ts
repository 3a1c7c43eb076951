/**
 * Password hashing with scrypt from node:crypto (workerd implements it under nodejs_compat;
 * production Workers refuse PBKDF2 above 100,000 iterations and run-time WebAssembly).
 * The only file of this folder that imports node:, so the seed script can use it in Node too.
 *
 * Format: scrypt$N=16384,r=8,p=1$<salt base64>$<hash base64>
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** 16 MiB per hash (128·N·r) fits the 128 MB Worker isolate; raise N here and old hashes upgrade at sign-in. */
export const CURRENT_PASSWORD_PARAMS: ScryptParams = { N: 16384, r: 8, p: 1, keyLength: 32 };

const SALT_BYTES = 16;
// Bounds on parameters read from storage, so a planted hash cannot make verification exhaust memory or CPU.
const LIMITS = { minLogN: 10, maxLogN: 20, maxR: 32, maxP: 16, minKey: 16, maxKey: 64 };
const FORMAT =
  /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

export class PasswordHashError extends Error {
  override readonly name = 'PasswordHashError';
}

function paramsProblem(params: ScryptParams): string | null {
  const { N, r, p, keyLength } = params;
  if (
    !Number.isSafeInteger(N) ||
    N < 2 ** LIMITS.minLogN ||
    N > 2 ** LIMITS.maxLogN ||
    (N & (N - 1)) !== 0
  )
    return 'N must be a power of two in range';
  if (!Number.isSafeInteger(r) || r < 1 || r > LIMITS.maxR) return 'r out of range';
  if (!Number.isSafeInteger(p) || p < 1 || p > LIMITS.maxP) return 'p out of range';
  if (!Number.isSafeInteger(keyLength) || keyLength < LIMITS.minKey || keyLength > LIMITS.maxKey)
    return 'key length out of range';
  return null;
}

function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      // NFKC so the same password typed on different keyboards/OSes hashes the same (NIST SP 800-63B).
      password.normalize('NFKC'),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParams = CURRENT_PASSWORD_PARAMS,
): Promise<string> {
  const problem = paramsProblem(params);
  if (problem) throw new PasswordHashError(problem);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: unknown): ParsedHash | null {
  if (typeof stored !== 'string') return null;
  const match = FORMAT.exec(stored);
  if (!match) return null;
  const salt = Buffer.from(match[4]!, 'base64');
  const key = Buffer.from(match[5]!, 'base64');
  const params = {
    N: Number(match[1]),
    r: Number(match[2]),
    p: Number(match[3]),
    keyLength: key.length,
  };
  if (paramsProblem(params) || salt.length < 8) return null;
  return { params, salt, key };
}

/** False for a wrong password and for an unreadable or out-of-bounds stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(candidate, parsed.key);
}

/** True when the stored hash is unreadable or weaker than `current` in any parameter. */
export function needsRehash(
  stored: string,
  current: ScryptParams = CURRENT_PASSWORD_PARAMS,
): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const { N, r, p, keyLength } = parsed.params;
  return (
    N < current.N ||
    r < current.r ||
    p < current.p ||
    keyLength < current.keyLength ||
    parsed.salt.length < SALT_BYTES
  );
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real check when the account does not exist, so timing reveals nothing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('spendprint-no-such-account');
  await verifyPassword(password, await dummyHash);
  return false;
}
