import { env } from 'cloudflare:workers';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { bearer, createTenant, signIn, TEST_PASSWORD } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { mailedToken } from '../../../test/mailbox';
import { auditActions } from '../../../test/spend-helpers';
import { sha256Hex } from '../../lib/crypto/digest';

interface ExtensionSession {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': `203.0.113.${Math.floor(Math.random() * 250)}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });

async function extensionSignIn(email: string): Promise<ExtensionSession> {
  const response = await post('/api/v1/auth/login', {
    email,
    password: TEST_PASSWORD,
    client: 'extension',
  });
  expect(response.status).toBe(200);
  return json<ExtensionSession>(response);
}

const refresh = (refreshToken: string, headers: Record<string, string> = {}) =>
  post('/api/v1/auth/refresh', { refreshToken }, headers);

const me = (token: string) => call('/api/v1/auth/me', { headers: bearer(token) });

async function expectRefused(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = await json(response);
  expect(body).not.toHaveProperty('token');
  expect(body).not.toHaveProperty('refreshToken');
}

async function refreshRows(tenantId: string) {
  const rows = await env.DB.prepare('SELECT * FROM refresh_tokens WHERE tenant_id = ?')
    .bind(tenantId)
    .all<{
      token_hash: string;
      family_id: string;
      used_at: number | null;
      revoked_at: number | null;
    }>();
  return rows.results;
}

describe('rotating refresh tokens for the extension', () => {
  it('are issued at sign-in only when the extension asks, and stored as SHA-256 only', async () => {
    const tenant = await createTenant('refresh-issue');
    const plain = await json(
      await post('/api/v1/auth/login', { email: tenant.emails.buyer, password: TEST_PASSWORD }),
    );
    expect(plain).not.toHaveProperty('refreshToken');

    const session = await extensionSignIn(tenant.emails.buyer);
    expect(session.refreshToken).toMatch(/^sprt_[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(session.refreshExpiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
    const rows = await refreshRows(tenant.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(await sha256Hex(session.refreshToken));
    expect(JSON.stringify(rows)).not.toContain(session.refreshToken.slice(5));

    const cookie = await post('/api/v1/auth/login', {
      email: tenant.emails.buyer,
      password: TEST_PASSWORD,
      transport: 'cookie',
      client: 'extension',
    });
    expect(cookie.status).toBe(400);
  });

  it('trade a refresh token for a new session and a new refresh token, once', async () => {
    const tenant = await createTenant('refresh-rotate');
    const first = await extensionSignIn(tenant.emails.analyst);
    const response = await refresh(first.refreshToken);
    expect(response.status).toBe(200);
    const second = await json<ExtensionSession>(response);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.token).not.toBe(first.token);
    expect(await json(await me(second.token))).toMatchObject({
      email: tenant.emails.analyst,
      role: 'analyst',
    });
    // The session the spent token came with is replaced.
    expect((await me(first.token)).status).toBe(401);
    const third = await json<ExtensionSession>(await refresh(second.refreshToken));
    expect((await me(third.token)).status).toBe(200);
    const actions = await auditActions(tenant.id);
    expect(actions.filter((a) => a === 'session.refresh')).toHaveLength(2);
  });

  it('revoke the whole family when a spent token comes back (theft detection)', async () => {
    const tenant = await createTenant('refresh-reuse');
    const stolen = await extensionSignIn(tenant.emails.buyer);
    const legitimate = await json<ExtensionSession>(await refresh(stolen.refreshToken));
    expect((await me(legitimate.token)).status).toBe(200);

    await expectRefused(await refresh(stolen.refreshToken));
    // The thief's replay ended everything the family issued: the newest token and its session.
    await expectRefused(await refresh(legitimate.refreshToken));
    expect((await me(legitimate.token)).status).toBe(401);
    const rows = await refreshRows(tenant.id);
    expect(rows.every((row) => row.revoked_at !== null)).toBe(true);
    expect(await auditActions(tenant.id)).toContain('refresh-token.revoke');

    // Other sign-ins of the same user are other families and go on working.
    const other = await extensionSignIn(tenant.emails.buyer);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('let at most one of two racing uses win, and never leave the winner a live token', async () => {
    const tenant = await createTenant('refresh-race');
    const session = await extensionSignIn(tenant.emails.buyer);
    const answers = await Promise.all([
      refresh(session.refreshToken),
      refresh(session.refreshToken),
    ]);
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(1);
    for (const answer of answers.filter((a) => a.status === 200)) {
      const won = await json<ExtensionSession>(answer);
      await expectRefused(await refresh(won.refreshToken));
      expect((await me(won.token)).status).toBe(401);
    }
  });

  it('expire after 30 days', async () => {
    const tenant = await createTenant('refresh-expiry');
    const session = await extensionSignIn(tenant.emails.viewer);
    const later = new Date(Date.now() + 30 * 86_400_000 + 60_000).toISOString();
    await expectRefused(await refresh(session.refreshToken, { 'x-test-now': later }));
  });

  it('end with sign-out', async () => {
    const tenant = await createTenant('refresh-logout');
    const session = await extensionSignIn(tenant.emails.buyer);
    const rotated = await json<ExtensionSession>(await refresh(session.refreshToken));
    const logout = await call('/api/v1/auth/logout', {
      method: 'POST',
      headers: bearer(rotated.token),
    });
    expect(logout.status).toBe(204);
    await expectRefused(await refresh(rotated.refreshToken));
  });

  it('end with a role change or removal by an admin', async () => {
    const tenant = await createTenant('refresh-role');
    const admin = await signIn(tenant.emails.admin);
    const viewer = await extensionSignIn(tenant.emails.viewer);
    const buyer = await extensionSignIn(tenant.emails.buyer);
    const patch = await call(`/api/v1/members/${tenant.userIds.viewer}`, {
      method: 'PATCH',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'analyst' }),
    });
    expect(patch.status).toBe(204);
    await expectRefused(await refresh(viewer.refreshToken));
    const removed = await call(`/api/v1/members/${tenant.userIds.buyer}`, {
      method: 'DELETE',
      headers: bearer(admin),
    });
    expect(removed.status).toBe(204);
    await expectRefused(await refresh(buyer.refreshToken));
  });

  it('end with a password reset', async () => {
    const tenant = await createTenant('refresh-reset');
    const admin = await signIn(tenant.emails.admin);
    const session = await extensionSignIn(tenant.emails.analyst);
    await post('/api/v1/auth/password-reset', { email: tenant.emails.analyst });
    const token = await mailedToken(admin, tenant.emails.analyst);
    const reset = await post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'a brand new password',
    });
    expect(reset.status).toBe(200);
    await expectRefused(await refresh(session.refreshToken));
  });

  it('come with a second-factor sign-in too', async () => {
    const tenant = await createTenant('refresh-2fa');
    const token = await signIn(tenant.emails.approver);
    const enrol = await json<{ secret: string }>(
      await call('/api/v1/auth/totp/enroll', { method: 'POST', headers: bearer(token) }),
    );
    const device = new TOTP({ secret: Secret.fromBase32(enrol.secret) });
    const t0 = Date.parse('2026-11-23T10:00:00Z');
    const at = (ms: number) => ({ 'x-test-now': new Date(ms).toISOString() });
    await call('/api/v1/auth/totp/confirm', {
      method: 'POST',
      headers: { ...bearer(token), ...at(t0), 'content-type': 'application/json' },
      body: JSON.stringify({ code: device.generate({ timestamp: t0 }) }),
    });
    const login = await json<{ challenge: string }>(
      await post(
        '/api/v1/auth/login',
        { email: tenant.emails.approver, password: TEST_PASSWORD, client: 'extension' },
        at(t0 + 60_000),
      ),
    );
    const verified = await post(
      '/api/v1/auth/verify-2fa',
      {
        challenge: login.challenge,
        code: device.generate({ timestamp: t0 + 60_000 }),
        client: 'extension',
      },
      at(t0 + 60_000),
    );
    expect(verified.status).toBe(200);
    const session = await json<ExtensionSession>(verified);
    expect(session.refreshToken).toMatch(/^sprt_/);
    expect((await refresh(session.refreshToken, at(t0 + 120_000))).status).toBe(200);
  });

  it('answer 400 to a malformed body and 401 problem+json to any token it did not issue', async () => {
    const tenant = await createTenant('refresh-bad');
    const session = await extensionSignIn(tenant.emails.buyer);
    const empty = await post('/api/v1/auth/refresh', {});
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toBe('application/problem+json');
    const lookalike = `sprt_${'A'.repeat(43)}`;
    for (const bad of ['garbage', lookalike, session.token, `${session.refreshToken}x`]) {
      await expectRefused(await refresh(bad));
    }
    // The access token is not a refresh token, nor the other way round.
    expect((await me(session.refreshToken)).status).toBe(401);
    expect((await refresh(session.refreshToken)).status).toBe(200);
  });
});
