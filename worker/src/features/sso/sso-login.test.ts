import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearer, createTenant, signIn } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import {
  adminCall,
  callback,
  consoleSignIn,
  exchange,
  EXTENSION_REDIRECT,
  extensionPkce,
  extensionSignInCode,
  ssoTenant,
  startSso,
} from './testing/sso-fixture';
import type { TokenTwist } from './testing/stub-oidc-provider';

afterEach(() => {
  vi.restoreAllMocks();
});

async function expectRefused(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('set-cookie') ?? '').not.toContain('__Host-sp_session');
  expect(response.headers.get('location')).toBeNull();
}

async function sessionsOf(tenantId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE tenant_id = ?')
    .bind(tenantId)
    .first<{ n: number }>();
  return row!.n;
}

describe('OIDC single sign-on', () => {
  it('signs a member into the console with authorization code + PKCE', async () => {
    const { tenant, idp } = await ssoTenant('sso-console');
    const started = await startSso(tenant.emails.analyst);
    expect(started.response.status).toBe(302);
    const authorize = new URL(started.location);
    expect(authorize.origin + authorize.pathname).toBe(`${idp.issuer}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.binding).toBe(authorize.searchParams.get('state'));

    const { code, state } = idp.authorize(started.location, tenant.emails.analyst);
    const done = await callback({ code, state }, started.binding);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/console');
    const session = /__Host-sp_session=([^;]+)/.exec(done.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toBeTruthy();
    expect(idp.tokenRequests[0]!.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await call('/api/v1/auth/me', {
      headers: { cookie: `__Host-sp_session=${session}` },
    });
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({ email: tenant.emails.analyst, role: 'analyst' });

    // Nothing of the exchange is kept in clear: state, nonce, verifier, code.
    const pending = await env.DB.prepare('SELECT * FROM sso_login_requests WHERE tenant_id = ?')
      .bind(tenant.id)
      .all();
    const stored = JSON.stringify(pending.results);
    const verifier = idp.tokenRequests[0]!.get('code_verifier')!;
    for (const secret of [state, code, verifier, authorize.searchParams.get('nonce')!]) {
      expect(stored).not.toContain(secret);
    }
  });

  it('hands the extension a one-time code (never a token) that only its PKCE verifier redeems', async () => {
    const { tenant, idp } = await ssoTenant('sso-extension');
    const pkce = await extensionPkce();
    const started = await startSso(tenant.emails.buyer, {
      transport: 'bearer',
      redirect_uri: EXTENSION_REDIRECT,
      code_challenge: pkce.challenge,
    });
    expect(started.response.status).toBe(302);
    expect(started.binding).toBeUndefined();
    const { code, state } = idp.authorize(started.location, tenant.emails.buyer);
    const done = await callback({ code, state });
    expect(done.status).toBe(302);
    const location = new URL(done.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(EXTENSION_REDIRECT);
    expect(location.hash).toBe('');
    expect([...location.searchParams.keys()]).toEqual(['code']);
    const handoff = location.searchParams.get('code')!;
    expect(handoff).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await call('/api/v1/auth/me', { headers: bearer(handoff) })).status).toBe(401);
    expect(done.headers.get('set-cookie') ?? '').not.toContain('__Host-sp_session');

    const exchanged = await exchange({ code: handoff, codeVerifier: pkce.verifier });
    expect(exchanged.status).toBe(200);
    const session = await json<{ token: string; refreshToken: string }>(exchanged);
    const me = await call('/api/v1/auth/me', { headers: bearer(session.token) });
    expect(await json(me)).toMatchObject({ email: tenant.emails.buyer, role: 'buyer' });
    // The refresh token it came with rotates like any other.
    const refreshed = await call('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    expect(refreshed.status).toBe(200);

    // Single use, and nothing of it kept in clear.
    await expectRefused(await exchange({ code: handoff, codeVerifier: pkce.verifier }));
    const stored = JSON.stringify(
      (await env.DB.prepare('SELECT * FROM sso_handoffs WHERE tenant_id = ?').bind(tenant.id).all())
        .results,
    );
    expect(stored).not.toContain(handoff);
    expect(stored).not.toContain(pkce.verifier);
  });

  it('burns a hand-off code presented with the wrong verifier, and refuses a late one', async () => {
    const { tenant, idp } = await ssoTenant('sso-handoff-refusals');
    const wrongVerifier = await extensionSignInCode(idp, tenant.emails.buyer);
    const attacker = await extensionPkce();
    await expectRefused(
      await exchange({ code: wrongVerifier.code, codeVerifier: attacker.verifier }),
    );
    await expectRefused(await exchange(wrongVerifier));

    const late = await extensionSignInCode(idp, tenant.emails.buyer);
    const threeMinutesOn = new Date(Date.now() + 3 * 60_000).toISOString();
    await expectRefused(await exchange(late, { 'x-test-now': threeMinutesOn }));

    await expectRefused(await exchange({ code: 'made-up', codeVerifier: attacker.verifier }));
    expect((await exchange({})).status).toBe(400);
    expect(await sessionsOf(tenant.id)).toBe(1); // only the admin's password sign-in
  });

  it('requires the extension to send a PKCE challenge, and the console not to', async () => {
    const { tenant } = await ssoTenant('sso-extension-pkce');
    const missing = await startSso(tenant.emails.buyer, {
      transport: 'bearer',
      redirect_uri: EXTENSION_REDIRECT,
    });
    expect(missing.response.status).toBe(400);
    const consoleWithChallenge = await startSso(tenant.emails.buyer, {
      code_challenge: (await extensionPkce()).challenge,
    });
    expect(consoleWithChallenge.response.status).toBe(400);
  });

  it('sends the extension refusals back to its redirect as OAuth errors', async () => {
    const { tenant, idp } = await ssoTenant('sso-extension-errors');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pkce = await extensionPkce();
    const unrouted = await startSso('someone@unrouted.test', {
      transport: 'bearer',
      redirect_uri: EXTENSION_REDIRECT,
      code_challenge: pkce.challenge,
    });
    expect(unrouted.response.status).toBe(302);
    const notSetUp = new URL(unrouted.location);
    expect(notSetUp.origin + notSetUp.pathname).toBe(EXTENSION_REDIRECT);
    expect(notSetUp.searchParams.get('error')).toBe('access_denied');
    expect(notSetUp.searchParams.get('error_description')).toMatch(/not set up/);

    idp.next = { nonce: 'not-the-nonce-we-sent' };
    const started = await startSso(tenant.emails.buyer, {
      transport: 'bearer',
      redirect_uri: EXTENSION_REDIRECT,
      code_challenge: pkce.challenge,
    });
    const { code, state } = idp.authorize(started.location, tenant.emails.buyer);
    const refused = new URL((await callback({ code, state })).headers.get('location')!);
    expect(refused.searchParams.get('error')).toBe('access_denied');
    expect(refused.searchParams.has('code')).toBe(false);
    expect(await sessionsOf(tenant.id)).toBe(1);
  });

  it('refuses redirect URIs off the allow-list', async () => {
    const { tenant } = await ssoTenant('sso-redirects');
    for (const redirect of [
      'https://evil.chromiumapp.org/',
      'https://nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org.evil.test/',
      'http://nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org/',
      `${EXTENSION_REDIRECT}?next=https://evil.test`,
      'https://user@nidfkibjbnhbiheknhcnkeijcbfdbcbm.chromiumapp.org/',
    ]) {
      const { response } = await startSso(tenant.emails.buyer, {
        transport: 'bearer',
        redirect_uri: redirect,
        code_challenge: (await extensionPkce()).challenge,
      });
      expect(response.status, redirect).toBe(400);
    }
    const missing = await startSso(tenant.emails.buyer, {
      transport: 'bearer',
      code_challenge: (await extensionPkce()).challenge,
    });
    expect(missing.response.status).toBe(400);
  });

  const badTokens: [string, TokenTwist, RegExp][] = [
    ['a wrong issuer', { issuer: 'https://attacker.stub.test' }, /:iss$/],
    ['a wrong audience', { audience: 'another-client' }, /:aud$/],
    [
      'several audiences without azp',
      { audience: ['another-client', 'spendprint-client'] },
      /:azp$/,
    ],
    ['a wrong nonce', { nonce: 'not-the-nonce-we-sent' }, /:nonce$/],
    ['an expired token', { expiresIn: -3600 }, /EXPIRED/],
    ['alg none', { alg: 'none' }, /ALG_NOT_ALLOWED/],
    ['HMAC keyed with the public key', { alg: 'HS256' }, /ALG_NOT_ALLOWED/],
    ['an algorithm the tenant did not pin', { alg: 'ES256' }, /ALG_NOT_ALLOWED/],
    ['a signature by another key', { foreignKey: true }, /SIGNATURE_VERIFICATION_FAILED/],
    ['an unverified email', { emailVerified: false }, /email-not-verified/],
    ['email_verified as a string', { emailVerified: 'true' }, /email-not-verified/],
  ];
  for (const [name, twist, reason] of badTokens) {
    it(`refuses ${name} with 401`, async () => {
      const { tenant, idp } = await ssoTenant('sso-refuse');
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      idp.next = twist;
      await expectRefused(await consoleSignIn(idp, tenant.emails.admin));
      const logged = warn.mock.calls.map(
        (args) => JSON.parse(String(args[0])) as { reason: string },
      );
      expect(logged.map((entry) => entry.reason)).toEqual([expect.stringMatching(reason)]);
      expect(idp.tokenRequests).toHaveLength(1);
      expect(await sessionsOf(tenant.id)).toBe(1); // only the admin's password sign-in
    });
  }

  it('refuses an email of a domain that is not verified for the tenant', async () => {
    const { tenant, idp } = await ssoTenant('sso-other-domain');
    idp.next = { email: 'someone@elsewhere.test' };
    await expectRefused(await consoleSignIn(idp, tenant.emails.admin));
  });

  it('refuses a replayed state', async () => {
    const { tenant, idp } = await ssoTenant('sso-replay');
    const started = await startSso(tenant.emails.admin);
    const { code, state } = idp.authorize(started.location, tenant.emails.admin);
    expect((await callback({ code, state }, started.binding)).status).toBe(302);
    await expectRefused(await callback({ code, state }, started.binding));
    const fresh = idp.authorize(started.location, tenant.emails.admin);
    await expectRefused(await callback(fresh, started.binding));
  });

  it('refuses a state that has expired', async () => {
    const { tenant, idp } = await ssoTenant('sso-expired-state');
    const started = await startSso(tenant.emails.admin);
    const { code, state } = idp.authorize(started.location, tenant.emails.admin);
    const late = await call(`/api/v1/auth/sso/callback?${new URLSearchParams({ code, state })}`, {
      redirect: 'manual',
      headers: {
        cookie: `__Host-sp_sso=${started.binding}`,
        'x-test-now': new Date(Date.now() + 11 * 60_000).toISOString(),
      },
    });
    await expectRefused(late);
  });

  it('refuses a console callback in a browser that did not start it (login CSRF)', async () => {
    const { tenant, idp } = await ssoTenant('sso-binding');
    const started = await startSso(tenant.emails.admin);
    const { code, state } = idp.authorize(started.location, tenant.emails.admin);
    await expectRefused(await callback({ code, state }));
  });

  it('refuses a code from another sign-in attempt (the provider checks PKCE)', async () => {
    const { tenant, idp } = await ssoTenant('sso-pkce');
    const victim = await startSso(tenant.emails.analyst);
    const attacker = await startSso(tenant.emails.admin);
    const stolen = idp.authorize(attacker.location, tenant.emails.admin);
    const victimState = new URL(victim.location).searchParams.get('state')!;
    await expectRefused(await callback({ code: stolen.code, state: victimState }, victim.binding));
  });

  it('refuses an error answer from the provider and an unknown state', async () => {
    const { tenant } = await ssoTenant('sso-errors');
    const started = await startSso(tenant.emails.admin);
    const state = new URL(started.location).searchParams.get('state')!;
    await expectRefused(await callback({ state, error: 'access_denied' }, started.binding));
    await expectRefused(await callback({ state: 'made-up', code: 'x' }, 'made-up'));
  });

  it('refuses someone who is not a member of the tenant', async () => {
    const { tenant, idp, domain } = await ssoTenant('sso-stranger');
    await expectRefused(await consoleSignIn(idp, `stranger@${domain}`));
    expect(await sessionsOf(tenant.id)).toBe(1);
  });

  it('routes no one by a domain that is not verified', async () => {
    const tenant = await createTenant('sso-unverified', 'enterprise');
    const admin = await signIn(tenant.emails.admin);
    const { response: noDomain } = await startSso(tenant.emails.admin);
    expect(noDomain.status).toBe(401);
    await adminCall(admin, '/api/v1/sso/domains', 'POST', { domain: `${tenant.slug}.test` });
    const { response } = await startSso(tenant.emails.admin);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 403 plan-required once the tenant is no longer enterprise', async () => {
    const { tenant, idp } = await ssoTenant('sso-downgraded');
    const started = await startSso(tenant.emails.admin);
    const { code, state } = idp.authorize(started.location, tenant.emails.admin);
    await env.DB.prepare("UPDATE tenants SET plan = 'professional' WHERE id = ?")
      .bind(tenant.id)
      .run();
    const done = await callback({ code, state }, started.binding);
    expect(done.status).toBe(403);
    expect(await json(done)).toMatchObject({ type: expect.stringContaining('plan-required') });
    const again = await startSso(tenant.emails.admin);
    expect(again.response.status).toBe(403);
  });

  it('never logs a code, token, state or secret', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
    }
    const { tenant, idp } = await ssoTenant('sso-logs');
    idp.next = { nonce: 'wrong' };
    const started = await startSso(tenant.emails.admin);
    const { code, state } = idp.authorize(started.location, tenant.emails.admin);
    await expectRefused(await callback({ code, state }, started.binding));
    const logged = lines.join('\n');
    expect(logged).toContain('sso.refused');
    for (const secret of [code, state, idp.clientSecret]) expect(logged).not.toContain(secret);
  });
});
