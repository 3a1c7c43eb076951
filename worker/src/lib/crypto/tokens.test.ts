import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateApiKey,
  generateToken,
  hashToken,
  parseApiKey,
  parseBearerToken,
  tokenFingerprint,
  tokenMatchesHash,
} from './tokens';

describe('tokens', () => {
  it('are ≥128-bit base64url and distinct', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(() => generateToken(15)).toThrow(RangeError);
    expect(new Set(Array.from({ length: 100 }, () => generateToken())).size).toBe(100);
  });

  it('are stored as SHA-256 hex and fingerprinted by 16 base64url characters', async () => {
    expect(await hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    // base64url(SHA-256("abc")) = ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0
    expect(await tokenFingerprint('abc')).toBe('ungWv48Bz-pBQUDe');
    expect(await tokenMatchesHash('abc', await hashToken('abc'))).toBe(true);
    expect(await tokenMatchesHash('abd', await hashToken('abc'))).toBe(false);
  });

  it('API keys look like sp_live_<prefix>_<secret>, parse back, and are stored hashed', async () => {
    const { key, prefix, hash } = await generateApiKey();
    expect(key).toMatch(/^sp_live_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ prefix, secret: key.slice(17) });
    expect(hash).toBe(await hashToken(key));
    expect(hash).not.toContain(key.slice(17));
    for (const bad of [
      `${key}x`,
      key.replace('sp_live_', 'sp_test_'),
      key.slice(0, -1),
      key.toUpperCase(),
      null,
      42,
      {},
    ]) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });

  it('parses Bearer headers strictly', () => {
    expect(parseBearerToken('Bearer abc.def-ghi_jkl')).toBe('abc.def-ghi_jkl');
    for (const bad of [
      'bearer abc',
      'Bearer',
      'Bearer ',
      'Bearer a b',
      'Basic abc',
      `Bearer ${'a'.repeat(5000)}`,
      undefined,
      null,
    ]) {
      expect(parseBearerToken(bad)).toBeNull();
    }
  });

  it('property: parsers never throw on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.anything()),
        fc.string({ unit: 'binary' }),
        (input, text) => {
          expect(() => parseApiKey(input)).not.toThrow();
          expect(() => parseBearerToken(input)).not.toThrow();
          expect(() => parseApiKey(`sp_live_${text}`)).not.toThrow();
          expect(() => parseBearerToken(`Bearer ${text}`)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
