import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearer, createTenant, signIn } from './fixtures';
import { call, json } from './http';
import { mailedToken } from './mailbox';
import { captureLogs, everythingStored, send } from './spend-helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const CANARY_PASSWORD = `canary-password-${crypto.randomUUID()}`;

/** Calls the Worker and keeps every response body it answered. */
function recordingClient() {
  const bodies: string[] = [];
  const keep = async (response: Response) => {
    bodies.push(await response.clone().text());
    return response;
  };
  return {
    bodies,
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }).then(keep),
    send: (token: string, method: string, path: string, body?: unknown) =>
      send(token, method, path, body).then(keep),
  };
}

describe('planted canaries', () => {
  it('never appear in clear text in a log line, a later response or a table', async () => {
    const logs = captureLogs();
    const tenant = await createTenant('canary');
    const client = recordingClient();
    const admin = await signIn(tenant.emails.admin);

    // A member joins with the canary password, through the invitation mail.
    const email = `canary@${tenant.slug}.test`;
    await client.send(admin, 'POST', '/api/v1/invitations', { email, role: 'analyst' });
    const invitationToken = await mailedToken(admin, email);
    await client.post('/api/v1/auth/invitations/accept', {
      token: invitationToken,
      name: 'Canary',
      password: CANARY_PASSWORD,
    });

    // Each secret is shown exactly once, in the response that creates it.
    const session = await json<{ token: string }>(
      await call('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: CANARY_PASSWORD }),
      }),
    );
    const extension = await json<{ refreshToken: string }>(
      await call('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: CANARY_PASSWORD, client: 'extension' }),
      }),
    );
    const enrolment = await json<{ secret: string }>(
      await call('/api/v1/auth/totp/enroll', { method: 'POST', headers: bearer(session.token) }),
    );
    const device = new TOTP({ secret: Secret.fromBase32(enrolment.secret) });
    await client.send(session.token, 'POST', '/api/v1/auth/totp/confirm', {
      code: device.generate(),
    });
    const apiKey = await json<{ key: string }>(
      await send(admin, 'POST', '/api/v1/api-keys', { name: 'canary', scopes: ['estimates:read'] }),
    );

    // Then the secrets are used, and misused, the way clients do.
    await client.send(session.token, 'GET', '/api/v1/auth/me');
    await client.send(apiKey.key, 'POST', '/api/v1/estimates', {
      lines: [{ description: 'COPY PAPER', amount: 10, date: '2026-01-05' }],
    });
    await client.send(admin, 'GET', '/api/v1/api-keys');
    await client.send(admin, 'GET', '/api/v1/members');
    await client.send(admin, 'GET', '/api/v1/audit?limit=200');
    await client.send(admin, 'GET', '/api/v1/audit/export?format=jsonl');
    await client.send(admin, 'GET', '/api/v1/governance/export');
    await client.post('/api/v1/auth/login', { email, password: `${CANARY_PASSWORD}x` });
    await client.post('/api/v1/auth/login', { email: CANARY_PASSWORD, password: CANARY_PASSWORD });
    await client.post('/api/v1/auth/invitations/accept', {
      token: invitationToken,
      name: 'Replay',
      password: CANARY_PASSWORD,
    });
    await client.send(`${session.token}tampered`, 'GET', '/api/v1/auth/me');
    const rotated = await client.post('/api/v1/auth/refresh', {
      refreshToken: extension.refreshToken,
    });
    expect(rotated.status).toBe(200);
    await client.post('/api/v1/auth/refresh', { refreshToken: extension.refreshToken });
    await client.send(session.token, 'POST', '/api/v1/auth/logout');

    const canaries = {
      password: CANARY_PASSWORD,
      'session token': session.token,
      'TOTP secret': enrolment.secret,
      'API key': apiKey.key,
      'invitation token': invitationToken,
      'refresh token': extension.refreshToken,
    };
    const stored = await everythingStored();
    const logged = logs();
    const answered = client.bodies.join('\n');
    expect(client.bodies.length).toBeGreaterThan(10);
    for (const [name, value] of Object.entries(canaries)) {
      expect(stored, `${name} stored in clear`).not.toContain(value);
      expect(logged, `${name} logged`).not.toContain(value);
      expect(answered, `${name} answered again`).not.toContain(value);
    }
  });
});
