import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { lineCacheKey, lookupEstimates, storeEstimates } from '../../utils/estimate-cache';
import { getPageSummary, savePageSummary } from '../../utils/storage/page-summaries';
import { getCachedSummary, saveCachedSummary } from '../../utils/storage/summary-cache';
import { authStatus, cacheScope, signIn, signOut, verifySecondFactor } from './auth';
import { createBackgroundServices } from './services';
import { createFakeAuthServer, SERVER, type FakeAuthServer } from './testing/fake-auth-server';

const noIdentity = { launchWebAuthFlow: async () => undefined, getRedirectURL: () => 'https://x.chromiumapp.org/' };

function background(server: FakeAuthServer) {
  return createBackgroundServices({ identity: noIdentity, fetch: server.fetch });
}

async function stored(area: 'local' | 'session'): Promise<string> {
  return JSON.stringify(await browser.storage[area].get(null));
}

describe('sign-in flow', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await browser.storage.local.set({ serverUrl: SERVER });
  });

  test('password: the access token goes to storage.session only, the refresh token to storage.local only', async () => {
    const server = createFakeAuthServer();
    const services = background(server);
    await expect(signIn(services, 'buyer@acme.test', 'pw')).resolves.toEqual({ ok: true, status: 'signed-in' });
    expect(server.calls[0]).toMatchObject({ path: '/api/v1/auth/login', body: { email: 'buyer@acme.test', password: 'pw', client: 'extension' } });
    expect(await stored('session')).toContain('access-1');
    expect(await stored('local')).not.toContain('access-1');
    expect(await stored('local')).toContain('sprt_refresh-1');
    expect(await stored('session')).not.toContain('sprt_refresh-1');
    await expect(authStatus(services)).resolves.toMatchObject({ signedIn: true, email: 'buyer@acme.test', serverUrl: SERVER });
    expect(await cacheScope(services)).toBe(`${SERVER}|buyer@acme.test`);
  });

  test('second factor: challenge, then code; the code answer carries the refresh token', async () => {
    const login = async () => ({ mfaRequired: true as const, challenge: 'ch-1' });
    const verify2fa = async (challenge: string, code: string) => {
      expect([challenge, code]).toEqual(['ch-1', '123456']);
      return { token: 'session-2fa', expiresAt: '2099-01-01T00:00:00Z', refreshToken: 'sprt_2fa', refreshExpiresAt: '2099-01-01T00:00:00Z' };
    };
    const services = { ...background(createFakeAuthServer()), api: { login, verify2fa, logout: async () => undefined } };
    await expect(signIn(services, 'admin@acme.test', 'pw')).resolves.toEqual({ ok: true, status: 'mfa-required' });
    await expect(authStatus(services)).resolves.toMatchObject({ signedIn: false, pendingSecondFactor: true });
    await expect(verifySecondFactor(services, '123456')).resolves.toEqual({ ok: true, status: 'signed-in' });
    await expect(authStatus(services)).resolves.toMatchObject({ signedIn: true, email: 'admin@acme.test' });
    expect(await stored('local')).toContain('sprt_2fa');
  });

  test('sign-out revokes on the server and forgets both tokens', async () => {
    const server = createFakeAuthServer();
    const services = background(server);
    await signIn(services, 'a@acme.test', 'pw');
    await signOut(services);
    expect(server.calls.at(-1)).toMatchObject({ path: '/api/v1/auth/logout', authorization: 'Bearer access-1' });
    expect(await stored('local')).not.toContain('sprt_');
    expect(await stored('session')).not.toContain('access-');
    await expect(authStatus(services)).resolves.toMatchObject({ signedIn: false });
  });

  test('sign-out, and a sign-in as another account, forget the previous account’s summary, page totals and estimates', async () => {
    const line = { description: 'Copy paper', amount: 5 };
    const estimate = { status: 'unable' as const, reason: 'test' };
    const fillCaches = async (scope: string) => {
      await saveCachedSummary({ period: '2026-03', summary: { totalKg: 4322 }, fetchedAt: 1 });
      await savePageSummary({ tabId: 7, frameId: 0 }, { lineCount: 1, estimatedCount: 1, totalKg: 2.5 });
      await storeEstimates(scope, 1, [{ key: await lineCacheKey(line), result: estimate }]);
    };
    const expectForgotten = async (scope: string) => {
      expect(await getCachedSummary('2026-03')).toBeUndefined();
      expect(await getPageSummary(7)).toBeUndefined();
      expect((await lookupEstimates(scope, [line])).hits).toEqual([undefined]);
    };
    const services = background(createFakeAuthServer());
    await signIn(services, 'a@acme.test', 'pw');
    const scope = (await cacheScope(services))!;
    await fillCaches(scope);
    await signOut(services);
    await expectForgotten(scope);

    await signIn(services, 'a@acme.test', 'pw');
    await fillCaches(scope);
    await signIn(services, 'b@acme.test', 'pw');
    await expectForgotten(scope);
  });

  test('sign-out after a browser restart still revokes the refresh-token family', async () => {
    const server = createFakeAuthServer();
    await signIn(background(server), 'a@acme.test', 'pw');
    await fakeBrowser.storage.session.clear(); // the browser was closed
    const services = background(server);
    await signOut(services);
    expect(server.paths().slice(-2)).toEqual(['/api/v1/auth/refresh', '/api/v1/auth/logout']);
    expect(await stored('local')).not.toContain('sprt_');
  });

  test('a managed server URL wins over the user setting', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: 'https://spendprint.corp.example/ignored/path' });
    await expect(authStatus(background(createFakeAuthServer()))).resolves.toMatchObject({ serverUrl: 'https://spendprint.corp.example', serverManaged: true });
  });
});
