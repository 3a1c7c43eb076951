import { scrypt, timingSafeEqual, randomBytes } from 'node:crypto';

/**
 * scrypt (memory-hard, from node:crypto under nodejs_compat: production Workers refuse PBKDF2
 * above 100,000 iterations and run-time WebAssembly). The parameters travel with each hash,
 * so raising them only needs a re-hash at the next successful sign-in.
 */
export const CURRENT_PARAMS = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;
type Params = { N: number; r: number; p: number; keyLength: number };

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(
  password: string,
  params: Params = CURRENT_PARAMS,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): { params: Params; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(
    stored,
  );
  if (!match) return null;
  const key = Buffer.from(match[5]!, 'base64');
  const params = {
    N: Number(match[1]),
    r: Number(match[2]),
    p: Number(match[3]),
    keyLength: key.length,
  };
  return { params, salt: Buffer.from(match[4]!, 'base64'), key };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const candidate = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(candidate, parsed.key);
}

export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.N < CURRENT_PARAMS.N || parsed.params.r < CURRENT_PARAMS.r;
}

/** Spends the same time as a real check when the account does not exist. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('spendprint-no-such-account');
  await verifyPassword(password, await dummyHash);
  return false;
}
