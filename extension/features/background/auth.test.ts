import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { authStatus, cacheScope, signIn, signOut, verifySecondFactor } from './auth';

function api(login: unknown) {
  return {
    login: vi.fn(async () => login as never),
    verify2fa: vi.fn(async () => ({ token: 'session-token-2fa', expiresAt: '2099-01-01T00:00:00Z' })),
    logout: vi.fn(async () => undefined),
  };
}

describe('sign-in flow', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await browser.storage.local.set({ serverUrl: 'http://127.0.0.1:8787' });
  });

  test('password only: the token goes to storage.session, never storage.local', async () => {
    await expect(signIn(api({ token: 'session-token-1', expiresAt: '2099-01-01T00:00:00Z' }), 'buyer@acme.test', 'pw')).resolves.toEqual({ ok: true, status: 'signed-in' });
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('session-token-1');
    expect(JSON.stringify(await browser.storage.session.get(null))).toContain('session-token-1');
    await expect(authStatus()).resolves.toMatchObject({ signedIn: true, email: 'buyer@acme.test', serverUrl: 'http://127.0.0.1:8787' });
    expect(await cacheScope()).toBe('http://127.0.0.1:8787|buyer@acme.test');
  });

  test('second factor: challenge, then code', async () => {
    const client = api({ mfaRequired: true, challenge: 'ch-1' });
    await expect(signIn(client, 'admin@acme.test', 'pw')).resolves.toEqual({ ok: true, status: 'mfa-required' });
    await expect(authStatus()).resolves.toMatchObject({ signedIn: false, pendingSecondFactor: true });
    await expect(verifySecondFactor(client, '123456')).resolves.toEqual({ ok: true, status: 'signed-in' });
    expect(client.verify2fa).toHaveBeenCalledWith('ch-1', '123456');
    await expect(authStatus()).resolves.toMatchObject({ signedIn: true, email: 'admin@acme.test' });
  });

  test('expired sessions count as signed out; sign-out clears everything', async () => {
    await signIn(api({ token: 't', expiresAt: '2000-01-01T00:00:00Z' }), 'a@acme.test', 'pw');
    await expect(authStatus()).resolves.toMatchObject({ signedIn: false });
    const client = api({ token: 't2', expiresAt: '2099-01-01T00:00:00Z' });
    await signIn(client, 'a@acme.test', 'pw');
    await signOut(client);
    expect(client.logout).toHaveBeenCalled();
    await expect(authStatus()).resolves.toMatchObject({ signedIn: false });
  });

  test('a managed server URL wins over the user setting', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: 'https://spendprint.corp.example/ignored/path' });
    await expect(authStatus()).resolves.toMatchObject({ serverUrl: 'https://spendprint.corp.example', serverManaged: true });
  });
});
