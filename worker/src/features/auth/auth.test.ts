import { describe, expect, it } from 'vitest';
import { generateKeyPair, SignJWT } from 'jose';
import { bearer, createTenant, signIn, TEST_PASSWORD } from '../../../test/fixtures';
import { call, json } from '../../../test/http';

function login(email: string, password: string, nowIso?: string) {
  return call('/api/v1/auth/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': `192.0.2.${Math.floor(Math.random() * 250)}`,
      ...(nowIso ? { 'x-test-now': nowIso } : {}),
    },
    body: JSON.stringify({ email, password }),
  });
}

describe('sign-in', () => {
  it('issues a 7-day token the API accepts', async () => {
    const tenant = await createTenant('signin');
    const response = await login(tenant.emails.analyst, TEST_PASSWORD);
    expect(response.status).toBe(200);
    const { token, expiresAt } = await json<{ token: string; expiresAt: string }>(response);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const me = await json(await call('/api/v1/auth/me', { headers: bearer(token) }));
    expect(me).toMatchObject({
      email: tenant.emails.analyst,
      role: 'analyst',
      tenant: { id: tenant.id },
    });
  });

  it('answers a wrong password and an unknown email with the same 401 problem', async () => {
    const tenant = await createTenant('wrong');
    const wrong = await login(tenant.emails.admin, 'not-the-password');
    const unknown = await login('nobody@nowhere.test', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    const [a, b] = [await json(wrong), await json(unknown)];
    expect(a.detail).toBe(b.detail);
    expect(JSON.stringify(a)).not.toContain('not-the-password');
  });

  it('locks an email for 15 minutes after 5 failures, even for the right password', async () => {
    const tenant = await createTenant('lockout');
    const start = new Date('2026-11-23T10:00:00Z');
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login(tenant.emails.buyer, 'bad', at(0))).status).toBe(401);
    }
    const fifth = await login(tenant.emails.buyer, 'bad', at(0));
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get('retry-after'))).toBe(900);
    expect((await login(tenant.emails.buyer, TEST_PASSWORD, at(14))).status).toBe(429);
    expect((await login(tenant.emails.buyer, TEST_PASSWORD, at(15.1))).status).toBe(200);
  });

  it('locks unknown emails the same way, so answers reveal nothing', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) await login('ghost@nowhere.test', 'bad');
    expect((await login('ghost@nowhere.test', 'bad')).status).toBe(429);
  });

  it('ends a session on sign-out', async () => {
    const tenant = await createTenant('logout');
    const token = await signIn(tenant.emails.viewer);
    expect(
      (await call('/api/v1/auth/logout', { method: 'POST', headers: bearer(token) })).status,
    ).toBe(204);
    expect((await call('/api/v1/auth/me', { headers: bearer(token) })).status).toBe(401);
  });

  it('refuses tokens that are forged, altered, unsigned or of another algorithm', async () => {
    const tenant = await createTenant('forged');
    const token = await signIn(tenant.emails.admin);
    const [header, payload, signature] = token.split('.');
    const otherKey = await generateKeyPair('EdDSA');
    const forged = await new SignJWT({ tid: tenant.id, role: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(tenant.userIds.admin)
      .setJti(crypto.randomUUID())
      .setIssuer('https://spendprint.dev')
      .setAudience('spendprint-api')
      .setExpirationTime('1h')
      .sign(otherKey.privateKey);
    const unsigned = `${btoa(JSON.stringify({ alg: 'none', typ: 'JWT' })).replace(/=+$/, '')}.${payload}.`;
    const altered = `${header}.${payload}x.${signature}`;
    for (const bad of [forged, unsigned, altered, 'garbage', '']) {
      const response = await call('/api/v1/auth/me', { headers: bearer(bad) });
      expect(response.status).toBe(401);
    }
  });
});
