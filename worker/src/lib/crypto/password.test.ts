import { describe, expect, it } from 'vitest';
import {
  CURRENT_PASSWORD_PARAMS,
  hashPassword,
  needsRehash,
  PasswordHashError,
  verifyAgainstDummy,
  verifyPassword,
} from './password';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };

describe('scrypt password hashes', () => {
  it('stores the parameters with the hash and verifies (current parameters, in workerd)', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapla', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts every hash and normalises Unicode (NFKC)', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
    const stored = await hashPassword('ｐａｓｓ\u00e9', FAST);
    expect(await verifyPassword('pass\u0065\u0301', stored)).toBe(true);
  });

  it('asks for a rehash when any parameter is below the current ones', async () => {
    const weak = await hashPassword('pw', FAST);
    expect(await verifyPassword('pw', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
    expect(needsRehash(weak, { ...FAST, p: 2 })).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('treats unreadable or out-of-bounds stored hashes as a failed check, never a crash or a DoS', async () => {
    const stored = await hashPassword('pw', FAST);
    const [, , salt, key] = stored.split('$');
    const bad = [
      '',
      'bcrypt$2b$10$abc',
      `scrypt$N=1000,r=8,p=1$${salt}$${key}`,
      `scrypt$N=1073741824,r=8,p=1$${salt}$${key}`,
      `scrypt$N=1024,r=999,p=1$${salt}$${key}`,
      `scrypt$N=1024,r=8,p=1$${salt}$`,
      `scrypt$N=1024,r=8,p=1$${salt}$QUJD`,
    ];
    for (const candidate of bad) expect(await verifyPassword('pw', candidate)).toBe(false);
    await expect(
      hashPassword('pw', { ...CURRENT_PASSWORD_PARAMS, N: 1000 }),
    ).rejects.toBeInstanceOf(PasswordHashError);
  });

  it('verifyAgainstDummy always fails', async () => {
    expect(await verifyAgainstDummy('spendprint-no-such-account')).toBe(false);
  });
});
