import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { pkceChallenge } from '../../utils/pkce';
import { dispatchMessage } from '../../utils/messaging-guard';
import { authStatus } from './auth';
import { createMessageHandlers } from './message-handlers';
import { createBackgroundServices } from './services';
import { createFakeAuthServer, SERVER, type FakeAuthServer } from './testing/fake-auth-server';

const REDIRECT = `https://${fakeBrowser.runtime.id}.chromiumapp.org/`;
const optionsPage = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };

/**
 * The background with the real browser.identity object of the fake browser, whose two methods
 * are replaced at the boundary: the provider's login window is what cannot run in a unit test.
 */
function backgroundWithIdentity(server: FakeAuthServer, launch: (url: URL) => Promise<string | undefined>) {
  vi.spyOn(browser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
  const launchWebAuthFlow = vi
    .spyOn(browser.identity, 'launchWebAuthFlow')
    .mockImplementation((async (details: { url: string; interactive?: boolean }) => launch(new URL(details.url))) as never);
  const services = createBackgroundServices({ identity: browser.identity, fetch: server.fetch });
  const handlers = createMessageHandlers(services);
  const signInWithSso = (email: string) => dispatchMessage(handlers, { type: 'sign-in-sso', payload: { email } }, optionsPage);
  return { services, signInWithSso, launchWebAuthFlow };
}

describe('single sign-on from the options page (identity.launchWebAuthFlow)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await browser.storage.local.set({ serverUrl: SERVER });
  });

  test('opens the Worker start URL and trades the one-time code with the PKCE verifier', async () => {
    const server = createFakeAuthServer();
    let started: URL | undefined;
    const { services, signInWithSso, launchWebAuthFlow } = backgroundWithIdentity(server, async (url) => {
      started = url;
      // What the Worker's callback does after the provider: the code on the chromiumapp.org redirect.
      return `${REDIRECT}?code=${server.issueSsoCode(url.searchParams.get('code_challenge')!)}`;
    });
    await expect(signInWithSso('Buyer@Acme.test')).resolves.toEqual({ ok: true, status: 'signed-in' });

    expect(launchWebAuthFlow).toHaveBeenCalledWith(expect.objectContaining({ interactive: true }));
    expect(started!.origin + started!.pathname).toBe(`${SERVER}/api/v1/auth/sso/start`);
    expect(Object.fromEntries(started!.searchParams)).toEqual({
      email: 'Buyer@Acme.test',
      transport: 'bearer',
      redirect_uri: REDIRECT,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const exchange = server.calls.find((c) => c.path === '/api/v1/auth/sso/exchange')!;
    const { codeVerifier } = exchange.body as { codeVerifier: string };
    expect(await pkceChallenge(codeVerifier)).toBe(started!.searchParams.get('code_challenge'));
    expect(started!.href).not.toContain(codeVerifier);

    expect(JSON.stringify(await browser.storage.session.get(null))).toMatch(/"token":"access-\d+"/);
    expect(JSON.stringify(await browser.storage.local.get(null))).toMatch(/"refreshToken":"sprt_refresh-\d+"/);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('access-');
    await expect(authStatus(services)).resolves.toMatchObject({ signedIn: true, email: 'buyer@acme.test' });
  });

  test('shows the reason the Worker sent back, and stores nothing', async () => {
    const server = createFakeAuthServer();
    const { signInWithSso } = backgroundWithIdentity(
      server,
      async () => `${REDIRECT}?error=access_denied&error_description=${encodeURIComponent('Single sign-on is not set up for this email domain.')}`,
    );
    await expect(signInWithSso('someone@unrouted.test')).resolves.toEqual({
      ok: false,
      error: 'rejected',
      message: 'Single sign-on is not set up for this email domain.',
    });
    expect(server.paths()).toEqual([]);
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  test('a closed login window is a cancelled sign-in', async () => {
    const server = createFakeAuthServer();
    const { signInWithSso } = backgroundWithIdentity(server, async () => {
      throw new Error('The user did not approve access.');
    });
    await expect(signInWithSso('buyer@acme.test')).resolves.toMatchObject({ ok: false, error: 'rejected', message: expect.stringMatching(/cancelled/) });
  });

  test('a flow that ends anywhere but the extension redirect is refused without an exchange', async () => {
    const server = createFakeAuthServer();
    const { signInWithSso } = backgroundWithIdentity(server, async () => 'https://evil.example/?code=stolen');
    await expect(signInWithSso('buyer@acme.test')).resolves.toMatchObject({ ok: false, error: 'invalid-response' });
    expect(server.paths()).toEqual([]);
  });

  test('a code the server refuses (wrong verifier, used, expired) signs nobody in', async () => {
    const server = createFakeAuthServer();
    const { services, signInWithSso } = backgroundWithIdentity(server, async () => `${REDIRECT}?code=${server.issueSsoCode('A'.repeat(43))}`);
    await expect(signInWithSso('buyer@acme.test')).resolves.toMatchObject({ ok: false, error: 'rejected' });
    await expect(authStatus(services)).resolves.toMatchObject({ signedIn: false });
  });

  test('needs a server URL first', async () => {
    await browser.storage.local.remove('serverUrl');
    const { signInWithSso, launchWebAuthFlow } = backgroundWithIdentity(createFakeAuthServer(), async () => undefined);
    await expect(signInWithSso('buyer@acme.test')).resolves.toMatchObject({ ok: false, error: 'not-configured' });
    expect(launchWebAuthFlow).not.toHaveBeenCalled();
  });
});
