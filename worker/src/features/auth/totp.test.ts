import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn, TEST_PASSWORD } from '../../../test/fixtures';
import { call, json } from '../../../test/http';

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
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
    const me = (token: string) =>
      call('/api/v1/auth/me', { headers: { ...bearer(token), ...at(t0 + 60_000) } });
    expect((await me(login.challenge)).status).toBe(401);

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
    expect((await me(session.token)).status).toBe(200);

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
