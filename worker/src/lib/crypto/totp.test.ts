import { describe, expect, it } from 'vitest';
import { fromBase32, toBase32 } from './base32';
import { utf8 } from './encoding';
import {
  buildOtpauthUri,
  findRecoveryCode,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  totpCodeAt,
  totpCodeForStep,
  verifyTotp,
  type TotpAlgorithm,
} from './totp';

// RFC 6238 Appendix B: seeds are ASCII "1234567890" repeated to the hash's block-size key length.
const SEEDS: Record<TotpAlgorithm, Uint8Array> = {
  SHA1: utf8('12345678901234567890'),
  SHA256: utf8('12345678901234567890123456789012'),
  SHA512: utf8('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, string, TotpAlgorithm][] = [
  [59, '94287082', 'SHA1'],
  [59, '46119246', 'SHA256'],
  [59, '90693936', 'SHA512'],
  [1111111109, '07081804', 'SHA1'],
  [1111111109, '68084774', 'SHA256'],
  [1111111109, '25091201', 'SHA512'],
  [1111111111, '14050471', 'SHA1'],
  [1111111111, '67062674', 'SHA256'],
  [1111111111, '99943326', 'SHA512'],
  [1234567890, '89005924', 'SHA1'],
  [1234567890, '91819424', 'SHA256'],
  [1234567890, '93441116', 'SHA512'],
  [2000000000, '69279037', 'SHA1'],
  [2000000000, '90698825', 'SHA256'],
  [2000000000, '38618901', 'SHA512'],
  [20000000000, '65353130', 'SHA1'],
  [20000000000, '77737706', 'SHA256'],
  [20000000000, '47863826', 'SHA512'],
];

describe('TOTP', () => {
  it.each(VECTORS)(
    'passes RFC 6238 Appendix B at T=%i (%s, %s)',
    async (seconds, code, algorithm) => {
      expect(
        await totpCodeAt(SEEDS[algorithm], new Date(seconds * 1000), { algorithm, digits: 8 }),
      ).toBe(code);
    },
  );

  it('accepts ±1 step of drift, refuses ±2, and returns the matched step', async () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-05T10:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    for (const offset of [-1, 0, 1]) {
      expect(
        await verifyTotp(secret, await totpCodeForStep(secret, step + offset), now, null),
      ).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      expect(
        await verifyTotp(secret, await totpCodeForStep(secret, step + offset), now, null),
      ).toBeNull();
    }
  });

  it('is single use: a step at or before the last used one is refused', async () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-05T10:00:10Z');
    const code = await totpCodeAt(secret, now);
    const used = await verifyTotp(secret, code, now, null);
    expect(used).not.toBeNull();
    expect(await verifyTotp(secret, code, now, used)).toBeNull();
    expect(await verifyTotp(secret, code, new Date(now.getTime() + 30_000), used)).toBeNull();
  });

  it('refuses malformed codes without throwing', async () => {
    const secret = generateTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456', '１２３４５６']) {
      expect(await verifyTotp(secret, code, new Date(), null)).toBeNull();
    }
  });

  it('generates ≥160-bit base32 secrets and an otpauth URI for QR enrolment', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(fromBase32(secret)).toHaveLength(20);
    expect(() => generateTotpSecret(10)).toThrow(RangeError);
    expect(buildOtpauthUri({ issuer: 'Spendprint', accountName: 'ada@acme.test', secret })).toBe(
      `otpauth://totp/Spendprint:ada%40acme.test?secret=${secret}&issuer=Spendprint&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('base32 matches RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(toBase32(utf8(plain))).toBe(encoded);
      expect(new TextDecoder().decode(fromBase32(`${encoded.toLowerCase()}==`))).toBe(plain);
    }
  });
});

describe('recovery codes', () => {
  it('generates 10 distinct 80-bit codes whose hashes match once normalised', async () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const hashes = await Promise.all(codes.map(hashRecoveryCode));
    expect(await findRecoveryCode(codes[3]!.toLowerCase().replace(/-/g, ' '), hashes)).toBe(3);
    expect(await findRecoveryCode('AAAA-AAAA-AAAA-AAAA', hashes)).toBeNull();
    expect(await findRecoveryCode('', hashes)).toBeNull();
  });
});
