import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn, TEST_PASSWORD } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { totpFor, verifyTotp } from './totp';

// RFC 6238 Appendix B: seeds are the ASCII strings below; codes are 8 digits.
const RFC_SEEDS = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
};
const RFC_VECTORS: [number, Record<keyof typeof RFC_SEEDS, string>][] = [
  [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
  [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
  [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
  [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
  [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
  [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
];

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('TOTP (RFC 6238)', () => {
  it('passes the RFC test vectors', () => {
    for (const [seconds, codes] of RFC_VECTORS) {
      for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
        const secret = Secret.fromLatin1(RFC_SEEDS[algorithm]).base32;
        expect(totpFor(secret, 'rfc', algorithm, 8).generate({ timestamp: seconds * 1000 })).toBe(
          codes[algorithm],
        );
      }
    }
  });

  it('accepts ±1 step of drift, once per step', () => {
    const secret = new Secret({ size: 20 }).base32;
    const at = new Date('2026-11-23T10:00:15Z');
    const previous = totpFor(secret).generate({ timestamp: at.getTime() - 30_000 });
    const step = verifyTotp(secret, previous, at, 0);
    expect(step).not.toBeNull();
    expect(verifyTotp(secret, previous, at, step!)).toBeNull();
    const tooOld = totpFor(secret).generate({ timestamp: at.getTime() - 90_000 });
    expect(verifyTotp(secret, tooOld, at, 0)).toBeNull();
  });
});

describe('two-factor sign-in', () => {
  it('enrols, then requires a code before any session token is issued', async () => {
    const tenant = await createTenant('totp');
    const token = await signIn(tenant.emails.approver);
    const enrol = await json<{ secret: string; otpauthUri: string }>(
      await call('/api/v1/auth/totp/enroll', { method: 'POST', headers: bearer(token) }),
    );
    expect(enrol.otpauthUri).toMatch(/^otpauth:\/\/totp\/Spendprint:/);
    const device = new TOTP({ secret: Secret.fromBase32(enrol.secret) });
    const t0 = Date.parse('2026-11-23T10:00:00Z');
    const at = (ms: number) => ({ 'x-test-now': new Date(ms).toISOString() });
    const confirm = await post(
      '/api/v1/auth/totp/confirm',
      { code: device.generate({ timestamp: t0 }) },
      { ...bearer(token), ...at(t0) },
    );
    const { recoveryCodes } = await json<{ recoveryCodes: string[] }>(confirm);
    expect(recoveryCodes).toHaveLength(10);

    const login = await json<{ mfaRequired?: boolean; challenge: string; token?: string }>(
      await post(
        '/api/v1/auth/login',
        { email: tenant.emails.approver, password: TEST_PASSWORD },
        at(t0 + 60_000),
      ),
    );
    expect(login.mfaRequired).toBe(true);
    expect(login.token).toBeUndefined();
    // The challenge is not a session token.
    expect((await call('/api/v1/auth/me', { headers: bearer(login.challenge) })).status).toBe(401);

    const wrong = await post(
      '/api/v1/auth/verify-2fa',
      { challenge: login.challenge, code: '000000' },
      at(t0 + 60_000),
    );
    expect(wrong.status).toBe(401);
    const code = device.generate({ timestamp: t0 + 60_000 });
    const verified = await post(
      '/api/v1/auth/verify-2fa',
      { challenge: login.challenge, code },
      at(t0 + 60_000),
    );
    expect(verified.status).toBe(200);
    const session = await json<{ token: string }>(verified);
    expect((await call('/api/v1/auth/me', { headers: bearer(session.token) })).status).toBe(200);

    const replay = await post(
      '/api/v1/auth/verify-2fa',
      { challenge: login.challenge, code },
      at(t0 + 61_000),
    );
    expect(replay.status).toBe(401);

    const recovery = await post(
      '/api/v1/auth/verify-2fa',
      { challenge: login.challenge, code: recoveryCodes[0] },
      at(t0 + 62_000),
    );
    expect(recovery.status).toBe(200);
    const again = await post(
      '/api/v1/auth/verify-2fa',
      { challenge: login.challenge, code: recoveryCodes[0] },
      at(t0 + 63_000),
    );
    expect(again.status).toBe(401);
  });
});
