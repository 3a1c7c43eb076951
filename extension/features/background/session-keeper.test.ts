import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { authStatus, signIn } from './auth';
import { createBackgroundServices } from './services';
import { createFakeAuthServer, SERVER, type FakeAuthServer } from './testing/fake-auth-server';

const noIdentity = { launchWebAuthFlow: async () => undefined, getRedirectURL: () => 'https://x.chromiumapp.org/' };
const line = [{ description: 'Copy paper', amount: 10 }];

/** A fresh service worker (module state gone) talking to the same server. */
function startBackground(server: FakeAuthServer) {
  return createBackgroundServices({ identity: noIdentity, fetch: server.fetch });
}

async function signedIn(server: FakeAuthServer) {
  const services = startBackground(server);
  await signIn(services, 'buyer@acme.test', 'pw');
  server.calls.length = 0;
  return services;
}

const refreshGrant = async () => (await browser.storage.local.get('refreshGrant')).refreshGrant as { refreshToken: string } | undefined;

describe('the background keeps the session alive with the rotating refresh token', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await browser.storage.local.set({ serverUrl: SERVER });
  });

  test('after a browser restart the first call resumes from the refresh token and stores its successor', async () => {
    const server = createFakeAuthServer();
    await signedIn(server);
    await fakeBrowser.storage.session.clear(); // storage.session does not survive the restart
    const restarted = startBackground(server);
    await expect(restarted.api.estimate(line)).resolves.toMatchObject({ ruleVersion: 1 });
    expect(server.calls.map((c) => [c.path, c.body ?? c.authorization])).toEqual([
      ['/api/v1/auth/refresh', { refreshToken: 'sprt_refresh-1' }],
      ['/api/v1/estimates', { lines: line }],
    ]);
    expect(server.calls[1]!.authorization).toBe('Bearer access-2');
    expect((await refreshGrant())?.refreshToken).toBe('sprt_refresh-2');
    await expect(authStatus(restarted)).resolves.toMatchObject({ signedIn: true, email: 'buyer@acme.test' });
  });

  test('a 401 is followed by one refresh and one retry', async () => {
    const server = createFakeAuthServer();
    const services = await signedIn(server);
    server.revokeAccessTokens();
    await expect(services.api.estimate(line)).resolves.toMatchObject({ ruleVersion: 1 });
    expect(server.paths()).toEqual(['/api/v1/estimates', '/api/v1/auth/refresh', '/api/v1/estimates']);
    expect(server.calls.map((c) => c.authorization)).toEqual(['Bearer access-1', undefined, 'Bearer access-2']);
  });

  test('when the refresh is refused too, the call fails as signed out and the dead refresh token is dropped', async () => {
    const server = createFakeAuthServer();
    const services = await signedIn(server);
    server.revokeEverything();
    await expect(services.api.estimate(line)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(server.paths()).toEqual(['/api/v1/estimates', '/api/v1/auth/refresh']);
    expect(await refreshGrant()).toBeUndefined();
    await expect(authStatus(services)).resolves.toMatchObject({ signedIn: false });
  });

  test('concurrent 401s share one refresh, because a refresh token works once', async () => {
    const server = createFakeAuthServer();
    const services = await signedIn(server);
    server.revokeAccessTokens();
    const answers = await Promise.all([services.api.estimate(line), services.api.estimate(line), services.api.estimate(line)]);
    expect(answers).toHaveLength(3);
    expect(server.paths().filter((p) => p === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  test('a session about to end is renewed before it is sent', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const server = createFakeAuthServer(() => clock);
    server.accessTokenLifetimeMs = 60 * 60_000;
    const services = createBackgroundServices({ identity: noIdentity, fetch: server.fetch });
    await signIn(services, 'buyer@acme.test', 'pw');
    server.calls.length = 0;
    clock += 59.5 * 60_000; // 30 s left: the keeper renews first (Date.now is the keeper's clock)
    const realNow = Date.now;
    Date.now = () => clock;
    try {
      await services.api.estimate(line);
    } finally {
      Date.now = realNow;
    }
    expect(server.paths()).toEqual(['/api/v1/auth/refresh', '/api/v1/estimates']);
    expect(server.calls[1]!.authorization).toBe('Bearer access-2');
  });

  test('offline: the refresh token is kept for later', async () => {
    const server = createFakeAuthServer();
    await signedIn(server);
    await fakeBrowser.storage.session.clear();
    server.offline = true;
    const restarted = startBackground(server);
    await expect(restarted.api.estimate(line)).rejects.toMatchObject({ kind: 'network' });
    expect((await refreshGrant())?.refreshToken).toBe('sprt_refresh-1');
    await expect(authStatus(restarted)).resolves.toMatchObject({ signedIn: true });
    server.offline = false;
    await expect(restarted.api.estimate(line)).resolves.toMatchObject({ ruleVersion: 1 });
  });

  test('a refresh token is never sent to another server than the one that issued it', async () => {
    const server = createFakeAuthServer();
    await signedIn(server);
    await fakeBrowser.storage.session.clear();
    await browser.storage.local.set({ serverUrl: 'https://other.example' });
    const restarted = startBackground(server);
    await expect(restarted.api.estimate(line)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(server.paths()).toEqual([]);
    expect(await refreshGrant()).toBeUndefined();
  });
});
