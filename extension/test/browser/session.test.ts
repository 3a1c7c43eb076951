import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { realWorkerUrl, startApiTarget, type ApiTarget } from './support/api-target';
import { allBadges } from './support/badges';
import { enableDeveloperMode, launchWithExtension, type LoadedExtension } from './support/chromium';
import { describeInChromium } from './support/describe-in-chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { contentScriptWorld } from './support/content-script-world';
import { signInThroughOptions } from './support/sign-in';

/**
 * The rotating refresh token and single sign-on in the built extension. The restart runs against
 * the stub or the real Worker; single sign-on needs the stub's stand-in identity provider, and
 * the storage check its request log, so those two run against the stub only.
 */
describeInChromium('session: browser restart and single sign-on', () => {
  let fixtures: FixtureServer;
  let api: ApiTarget;
  let profile: string;
  let browser: LoadedExtension | undefined;

  beforeAll(async () => {
    [fixtures, api] = await Promise.all([startFixtureServer(), startApiTarget()]);
    profile = await mkdtemp(path.join(tmpdir(), 'spendprint-profile-'));
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([fixtures?.close(), api?.close()]);
    await rm(profile, { recursive: true, force: true });
  });

  // Runs against the stub and, with SPENDPRINT_API_URL, against the real Worker (request-log checks are stub-only).
  test('a browser restart resumes the session from the refresh token', async () => {
    browser = await launchWithExtension(undefined, { userDataDir: profile });
    await signInThroughOptions(browser.context, browser.extensionId, { serverUrl: api.url, email: api.email, password: api.password });
    if (api.stub) expect(api.stub.of('/api/v1/auth/login').at(-1)!.body).toMatchObject({ client: 'extension' });
    await browser.close();

    browser = await launchWithExtension(undefined, { userDataDir: profile });
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('/cart-table.html'));
    await expect.poll(() => allBadges(page).count()).toBe(4);
    await expect.poll(() => page.locator('[data-spendprint-host="line"][data-spendprint-kg]:not([data-spendprint-kg=""])').count()).toBeGreaterThan(0);
    if (api.stub) {
      expect(api.stub.of('/api/v1/auth/refresh').length).toBeGreaterThanOrEqual(1);
      // No second password sign-in happened: the refresh token did it.
      expect(api.stub.of('/api/v1/auth/login')).toHaveLength(1);
    }
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByText(`Signed in as ${api.email}`).waitFor();
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Sign in' }).waitFor();
    await browser.close();
    browser = undefined;
  });

  test('an extension update or reload: open pages get the new content script, the old copy removes its badges', async () => {
    const developerProfile = await mkdtemp(path.join(tmpdir(), 'spendprint-profile-'));
    enableDeveloperMode(developerProfile);
    browser = await launchWithExtension(undefined, { userDataDir: developerProfile });
    await signInThroughOptions(browser.context, browser.extensionId, { serverUrl: api.url, email: api.email, password: api.password });
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('/cart-table.html'));
    const estimatedBadges = page.locator('[data-spendprint-host="line"][data-spendprint-kg]:not([data-spendprint-kg=""])');
    await expect.poll(() => estimatedBadges.count()).toBeGreaterThan(0);
    const hostCount = await page.locator('[data-spendprint-host]').count();
    await page.evaluate(() => document.querySelectorAll('[data-spendprint-host]').forEach((host) => host.setAttribute('data-old-copy', '')));

    // The call may fail as the worker goes away under it; the page tells whether the reload happened.
    const [worker] = browser.context.serviceWorkers();
    await worker!.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    // The old copy, cut off from the extension, goes; the new copy draws the badges and estimates again.
    await expect.poll(() => page.locator('[data-spendprint-host][data-old-copy]').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-spendprint-host]').count()).toBe(hostCount);
    await expect.poll(() => estimatedBadges.count()).toBeGreaterThan(0);
    await browser.close();
    browser = undefined;
    await rm(developerProfile, { recursive: true, force: true });
  });

  test.skipIf(realWorkerUrl !== undefined)('content scripts cannot read the tokens; they get the default currency from the background', async () => {
    browser = await launchWithExtension();
    await signInThroughOptions(browser.context, browser.extensionId, { serverUrl: api.url, email: api.email, password: api.password });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('textbox', { name: 'Default currency' }).fill('GBP');
    await options.getByRole('button', { name: 'Save currency' }).click();
    await options.getByText('Saved.').waitFor();

    const page = await browser.context.newPage();
    const contentWorld = await contentScriptWorld(page);
    const before = api.stub!.of('/api/v1/estimates').length;
    await page.goto(fixtures.url('/requisition-no-currency.html'));
    await expect.poll(() => api.stub!.of('/api/v1/estimates').length).toBeGreaterThan(before);
    const sent = api.stub!.of('/api/v1/estimates').at(-1)!.body as { lines: Array<{ currency?: string }> };
    expect(sent.lines.map((line) => line.currency)).toEqual(['GBP', 'GBP']);

    // Inside the content script's own (isolated) world, extension storage is closed.
    for (const area of ['local', 'session']) {
      const read = await contentWorld.evaluate(`chrome.storage.${area}.get(null).then((items) => JSON.stringify(items), (error) => 'refused: ' + error.message)`);
      expect(read, area).toMatch(/^refused: /);
    }
    expect(await contentWorld.evaluate('typeof chrome.runtime.sendMessage')).toBe('function');
    await browser.close();
    browser = undefined;
  });

  test.skipIf(realWorkerUrl !== undefined)('single sign-on through identity.launchWebAuthFlow', async () => {
    browser = await launchWithExtension();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('textbox', { name: 'Server URL' }).fill(api.url);

    await options.getByRole('textbox', { name: 'Email' }).fill('someone@unrouted.test');
    await options.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await options.getByText('Single sign-on is not set up for this email domain.').waitFor();

    await options.getByRole('textbox', { name: 'Email' }).fill('buyer@sso.acme.test');
    await options.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await options.getByText('Signed in as buyer@sso.acme.test').waitFor({ timeout: 20_000 });
    const start = api.stub!.of('/api/v1/auth/sso/start').at(-1)!;
    expect(start.method).toBe('GET');
    expect(api.stub!.of('/api/v1/auth/sso/exchange')).toHaveLength(1);
    expect(api.stub!.of('/api/v1/auth/sso/exchange')[0]!.body).toMatchObject({ code: expect.stringMatching(/^sso-code-/), codeVerifier: expect.any(String) });
    await browser.close();
    browser = undefined;
  });
});
