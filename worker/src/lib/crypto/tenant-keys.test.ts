import { describe, expect, it } from 'vitest';
import { toBase64Url, utf8, randomBytes } from './encoding';
import { decryptObject, encryptObject, EnvelopeError } from './envelope';
import {
  deriveMasterWrappingKey,
  generateTenantKek,
  importByokJwk,
  KeyImportError,
  unwrapTenantKek,
  wrapTenantKek,
} from './tenant-keys';

const SECRET = 'test-master-secret-with-at-least-32-characters';
const BINDING = { tenantId: 'tnt_acme', version: 1 };

describe('managed tenant keys', () => {
  it('wraps a tenant KEK under the HKDF-derived master key and unwraps it to a working key', async () => {
    const master = await deriveMasterWrappingKey(SECRET);
    const kek = await generateTenantKek();
    const wrapped = await wrapTenantKek(master, kek, BINDING);
    const sealed = await encryptObject({
      kek: { key: kek, version: 1 },
      tenantId: 'tnt_acme',
      objectId: 'o',
      plaintext: utf8('x'),
    });
    const restored = await unwrapTenantKek(await deriveMasterWrappingKey(SECRET), wrapped, BINDING);
    expect(restored.key.extractable).toBe(false);
    expect(new TextDecoder().decode(await decryptObject({ kek: restored, ...sealed }))).toBe('x');
  });

  it('refuses another master secret, tenant or version, and short secrets', async () => {
    const master = await deriveMasterWrappingKey(SECRET);
    const wrapped = await wrapTenantKek(master, await generateTenantKek(), BINDING);
    await expect(
      unwrapTenantKek(await deriveMasterWrappingKey(`${SECRET}!`), wrapped, BINDING),
    ).rejects.toBeInstanceOf(EnvelopeError);
    await expect(
      unwrapTenantKek(master, wrapped, { tenantId: 'tnt_bright', version: 1 }),
    ).rejects.toBeInstanceOf(EnvelopeError);
    await expect(
      unwrapTenantKek(master, wrapped, { tenantId: 'tnt_acme', version: 2 }),
    ).rejects.toBeInstanceOf(EnvelopeError);
    await expect(deriveMasterWrappingKey('short')).rejects.toBeInstanceOf(KeyImportError);
  });
});

describe('BYOK import', () => {
  const k = toBase64Url(randomBytes(32));

  it('accepts a 256-bit oct JWK and stores it only wrapped', async () => {
    const key = await importByokJwk({ kty: 'oct', k, alg: 'A256GCM', use: 'enc' });
    const master = await deriveMasterWrappingKey(SECRET);
    const wrapped = await wrapTenantKek(master, key, BINDING);
    expect(wrapped).not.toContain(k);
    const kek = await unwrapTenantKek(master, wrapped, BINDING);
    const sealed = await encryptObject({
      kek,
      tenantId: 'tnt_acme',
      objectId: 'o',
      plaintext: utf8('byok'),
    });
    expect(new TextDecoder().decode(await decryptObject({ kek, ...sealed }))).toBe('byok');
  });

  it('rejects every other key', async () => {
    const bad: unknown[] = [
      null,
      'string',
      [],
      { kty: 'RSA', n: 'x', e: 'AQAB' },
      { kty: 'EC', crv: 'P-256', x: k, y: k },
      { kty: 'oct' },
      { kty: 'oct', k: toBase64Url(randomBytes(16)) },
      { kty: 'oct', k: toBase64Url(randomBytes(24)) },
      { kty: 'oct', k: toBase64Url(randomBytes(64)) },
      { kty: 'oct', k, alg: 'HS256' },
      { kty: 'oct', k, use: 'sig' },
      { kty: 'oct', k: `${k}=` },
    ];
    for (const jwk of bad) await expect(importByokJwk(jwk)).rejects.toBeInstanceOf(KeyImportError);
  });
});
