import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant, TEST_PASSWORD } from '../../../test/fixtures';
import { call, json } from '../../../test/http';

async function consoleSignIn(email: string) {
  const response = await call('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD, transport: 'cookie' }),
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const body = await json<{ csrfToken: string; token?: string }>(response);
  return { setCookie, cookie: setCookie.split(';')[0]!, csrfToken: body.csrfToken, body };
}

describe('console cookie sessions', () => {
  it('keeps the token in an HttpOnly, Secure, SameSite=Strict cookie, not in the body', async () => {
    const tenant = await createTenant('cookie');
    const { setCookie, body } = await consoleSignIn(tenant.emails.admin);
    expect(setCookie).toMatch(/^__Host-sp_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(body.token).toBeUndefined();
  });

  it('reads with the cookie, and writes only with the CSRF token, same-site, as JSON', async () => {
    const tenant = await createTenant('csrf');
    const { cookie, csrfToken } = await consoleSignIn(tenant.emails.admin);
    expect((await call('/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);
    const write = (headers: Record<string, string>) =>
      call('/api/v1/auth/totp/enroll', { method: 'POST', headers: { cookie, ...headers } });
    const json = { 'content-type': 'application/json' };
    expect((await write(json)).status).toBe(403);
    expect((await write({ ...json, 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect(
      (await write({ ...json, 'x-csrf-token': csrfToken, 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect(
      (await write({ ...json, 'x-csrf-token': csrfToken, origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await write({ 'content-type': 'text/plain', 'x-csrf-token': csrfToken })).status).toBe(
      403,
    );
    const ok = await write({
      ...json,
      'x-csrf-token': csrfToken,
      origin: env.CONSOLE_ORIGIN,
      'sec-fetch-site': 'same-origin',
    });
    expect(ok.status).toBe(200);
  });
});
