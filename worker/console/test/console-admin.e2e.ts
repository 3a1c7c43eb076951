import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInChromium, launchChromium } from './support/chromium';
import {
  openConsole,
  screenshot,
  signInWithPassword,
  type ConsolePage,
} from './support/console-page';
import { startDohStub, type DohStub } from './support/doh-stub';
import { DEMO_PASSWORD, startLocalWorker, type LocalWorker } from './support/local-worker';

/** The admin pages: governance, keys, SSO, access log, dev mailbox, reset and invitation links. */
describeInChromium('the admin pages against a real local Worker', () => {
  let worker: LocalWorker;
  let browser: Browser;
  let doh: DohStub;
  const opened: ConsolePage[] = [];
  /** The export the governance journey makes; the keys journey reads it back after a revoke. */
  let exportId = '';

  async function open(path = '/console') {
    const consolePage = await openConsole(browser, worker.url, path);
    opened.push(consolePage);
    return consolePage.page;
  }
  async function signedIn(email: string, path = '/console', password = DEMO_PASSWORD) {
    const page = await open(path);
    await signInWithPassword(page, email, password);
    return page;
  }
  /** A same-origin GET with the page's cookie session: status, a header and the JSON body. */
  const fetchIn = (page: Page, path: string) =>
    page.evaluate(async (url) => {
      const response = await fetch(url);
      const text = await response.text();
      return {
        status: response.status,
        sha256: response.headers.get('x-content-sha256'),
        body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
    }, path);

  beforeAll(async () => {
    doh = await startDohStub();
    worker = await startLocalWorker({ vars: { DOH_RESOLVER_URL: doh.url } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const { problems } of opened) {
      expect(
        problems.filter((text) => /Content Security Policy|CSP violation|pageerror/i.test(text)),
      ).toEqual([]);
    }
    await browser?.close();
    await worker?.stop();
    await doh?.stop();
  });

  test('an admin exports the tenant, then requests deletion, sees the countdown and cancels', async () => {
    const page = await signedIn('admin@acme.test', '/console/governance');
    await page.getByRole('heading', { name: 'Governance' }).waitFor();
    await page.getByRole('button', { name: 'Export now' }).click();
    const made = page.getByRole('list', { name: 'Exports made' }).getByRole('listitem').first();
    await expect.poll(() => made.textContent()).toContain('checksum verified in your browser');
    exportId = (await made.locator('code').first().textContent())!;
    expect(exportId).toMatch(/^exp_/);
    const shown = await made.locator('code[title]').getAttribute('title');
    const download = await fetchIn(
      page,
      (await made.getByRole('link', { name: 'Download' }).getAttribute('href'))!,
    );
    expect(download).toMatchObject({ status: 200, sha256: shown, body: { export_id: exportId } });

    await page.getByRole('button', { name: 'Request deletion' }).click();
    await page.getByRole('button', { name: 'Yes, delete this tenant in 30 days' }).click();
    const countdown = page.getByTestId('deletion-countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/^29 days, 23 h 59 min \d+ s$/);
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: 3000 }).not.toBe(first);
    await screenshot(page, 'console-governance');
    expect((await fetchIn(page, '/api/v1/governance/delete-request')).body).toMatchObject({
      status: 'scheduled',
    });

    await page.getByRole('button', { name: 'Cancel the deletion request' }).click();
    await page.getByRole('button', { name: 'Request deletion' }).waitFor();
    expect(await countdown.count()).toBe(0);
    expect((await fetchIn(page, '/api/v1/governance/delete-request')).body).toMatchObject({
      status: 'none',
    });
    const audit = (await fetchIn(page, '/api/v1/audit?entity=tenant')).body as {
      entries: { action: string }[];
    };
    expect(audit.entries.map((e) => e.action)).toEqual([
      'tenant.delete-request',
      'tenant.delete-cancel',
    ]);
  });

  test('an admin rotates the key, revokes the old version after a typed warning, and imports a BYOK key', async () => {
    expect(exportId).not.toBe('');
    const page = await signedIn('admin@acme.test', '/console/keys');
    await page.getByRole('heading', { name: 'Encryption keys' }).waitFor();
    await page.getByRole('button', { name: 'Rotate the key' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/Version 2 \(managed\) is active; 1 stored object re-wrapped/);

    const retired = page.getByRole('row', { name: /^v1/ });
    await expect.poll(() => retired.textContent()).toContain('retired');
    await retired.getByRole('button', { name: 'Revoke' }).click();
    const warning = retired.getByRole('group', { name: 'Revoke key version 1' });
    expect(await warning.textContent()).toMatch(/cannot be undone.*unreadable forever/);
    const revoke = warning.getByRole('button', { name: 'Revoke version 1 forever' });
    expect(await revoke.isDisabled()).toBe(true);
    await warning.getByLabel('Type “revoke version 1” to confirm').fill('revoke version 1');
    await screenshot(page, 'console-keys');
    await revoke.click();
    await expect.poll(() => retired.textContent()).toContain('revoked');
    // The export was re-wrapped under version 2 before version 1 was shredded: still readable.
    expect((await fetchIn(page, `/api/v1/governance/exports/${exportId}`)).status).toBe(200);

    const byok = page.getByRole('form', { name: 'Bring your own key' });
    await byok.getByLabel('Key (JWK)').fill('{not json');
    await byok.getByRole('button', { name: 'Import key' }).click();
    await expect
      .poll(() => byok.getByRole('alert').textContent())
      .toContain('The key is not valid JSON');
    const jwk = { kty: 'oct', alg: 'A256GCM', k: randomBytes(32).toString('base64url') };
    await byok.getByLabel('Key (JWK)').fill(JSON.stringify(jwk));
    await byok.getByRole('button', { name: 'Import key' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /^v3/ }).textContent())
      .toMatch(/customer-supplied.*active/);
    expect((await fetchIn(page, `/api/v1/governance/exports/${exportId}`)).status).toBe(200);
  });

  test('an admin sets up SSO and verifies a domain by its TXT record; a professional tenant sees the plan message', async () => {
    const page = await signedIn('admin@acme.test', '/console/sso');
    await page.getByRole('heading', { name: 'Single sign-on' }).waitFor();
    await page.getByLabel('Issuer').fill('https://login.acme.example');
    await page.getByLabel('Client id').fill('spendprint-console');
    await page.getByLabel('Client secret').fill('s3cret-value-from-the-idp');
    await page.getByLabel('Authorization endpoint').fill('https://login.acme.example/authorize');
    await page.getByLabel('Token endpoint').fill('https://login.acme.example/token');
    await page.getByLabel('JWKS URI').fill('https://login.acme.example/jwks');
    await page.getByRole('button', { name: 'Set up single sign-on' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('/api/v1/auth/sso/callback');
    // The secret is write-only: the form never shows it again.
    expect(await page.getByLabel('Client secret').inputValue()).toBe('');

    await page.getByLabel('Domain', { exact: true }).fill('acme.test');
    await page.getByRole('button', { name: 'Add domain' }).click();
    const row = page.getByRole('row', { name: /acme\.test/ });
    await expect.poll(() => row.textContent()).toContain('not verified');
    await row.getByRole('button', { name: 'Verify' }).click();
    // Not published yet: the check fails, and the page says why.
    await expect.poll(() => row.textContent()).toContain('not verified');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Conflict with the current state/);
    const [name, value] = await row.locator('code').allTextContents();
    doh.publish(name!, value!);
    await row.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => row.textContent()).toMatch(/verified \d/);
    await screenshot(page, 'console-sso');

    // The sign-in page now sends acme.test people to the provider; other domains get the reason.
    const visitor = await open();
    await visitor.getByRole('button', { name: 'Use single sign-on instead' }).click();
    const sso = visitor.getByRole('form', { name: 'Single sign-on' });
    await sso.getByLabel('Work email').fill('someone@elsewhere.test');
    await sso.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await expect.poll(() => sso.getByRole('alert').textContent()).toMatch(/not set up/);
    await sso.getByLabel('Work email').fill('analyst@acme.test');
    const [toProvider] = await Promise.all([
      visitor.waitForRequest((r) => r.url().startsWith('https://login.acme.example/authorize?')),
      sso.getByRole('button', { name: 'Continue with single sign-on' }).click(),
    ]);
    const authorize = new URL(toProvider.url());
    expect(authorize.searchParams.get('client_id')).toBe('spendprint-console');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('login_hint')).toBe('analyst@acme.test');

    const bright = await signedIn('admin@bright.test', '/console/sso');
    await bright.getByRole('heading', { name: 'Single sign-on' }).waitFor();
    await expect
      .poll(() => bright.getByRole('status').textContent())
      .toMatch(/This feature needs another plan.*enterprise plan/);
    expect(await bright.getByLabel('Issuer').count()).toBe(0);
  });

  test('an auditor reads the access log and filters it to refused calls', async () => {
    const page = await signedIn('auditor@acme.test', '/console/access-log');
    await page.getByRole('heading', { name: 'Access log' }).waitFor();
    // A call the auditor's role may not make: it is logged with its 403.
    expect((await fetchIn(page, '/api/v1/members')).status).toBe(403);
    await page.getByLabel('Status').fill('4xx');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table', { name: 'API calls, newest first' });
    await expect.poll(() => table.textContent()).toContain('GET /api/v1/members');
    const statuses = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(statuses.every((status) => /^4\d\d$/.test(status))).toBe(true);
    await screenshot(page, 'console-access-log');
  });

  test('a forgotten password is reset through the emailed link (dev mailbox)', async () => {
    const analyst = await open();
    await analyst.getByRole('link', { name: 'Forgot your password?' }).click();
    await analyst.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await analyst.getByLabel('Email').fill('analyst@acme.test');
    await analyst.getByRole('button', { name: 'Email me a reset link' }).click();
    await expect
      .poll(() => analyst.getByRole('status').textContent())
      .toMatch(/If that address has an account/);

    const admin = await signedIn('admin@acme.test', '/console/mailbox');
    await admin.getByRole('heading', { name: 'Dev mailbox' }).waitFor();
    const mail = admin.getByRole('article', {
      name: 'Reset your Spendprint password to analyst@acme.test',
    });
    await mail.waitFor();
    const link = (await mail.getByRole('link', { name: 'Open the link' }).getAttribute('href'))!;
    expect(link).toMatch(/\/console\/reset-password\?token=/);
    await screenshot(admin, 'console-dev-mailbox');

    await analyst.goto(link);
    await analyst.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    // The token leaves the address bar once read.
    expect(analyst.url()).not.toContain('token=');
    await analyst.getByLabel('New password', { exact: true }).fill('a much longer new password');
    await analyst.getByLabel('Repeat the password').fill('a different password!!');
    await analyst.getByRole('button', { name: 'Set the new password' }).click();
    await expect
      .poll(() => analyst.getByRole('alert').textContent())
      .toContain('The passwords differ');
    await analyst.getByLabel('Repeat the password').fill('a much longer new password');
    await screenshot(analyst, 'console-reset-password');
    await analyst.getByRole('button', { name: 'Set the new password' }).click();
    await expect
      .poll(() => analyst.getByRole('status').textContent())
      .toMatch(/Your password is changed/);
    await analyst.getByRole('button', { name: 'Sign in' }).click();

    await signInWithPassword(analyst, 'analyst@acme.test', DEMO_PASSWORD);
    await expect.poll(() => analyst.getByRole('alert').textContent()).toMatch(/Sign-in required/);
    await signInWithPassword(analyst, 'analyst@acme.test', 'a much longer new password');
    await analyst.getByRole('heading', { name: 'Dashboard' }).waitFor();

    // The link works once.
    const again = await open(link.replace(worker.url, ''));
    await again.getByLabel('New password', { exact: true }).fill('yet another long password');
    await again.getByLabel('Repeat the password').fill('yet another long password');
    await again.getByRole('button', { name: 'Set the new password' }).click();
    await expect
      .poll(() => again.getByRole('alert').textContent())
      .toMatch(/invalid, used or expired/);
  });

  test('a member confirms their email address through the emailed link', async () => {
    const viewer = await signedIn('viewer@acme.test', '/console/security');
    await viewer.getByText('Your email address viewer@acme.test is not confirmed yet.').waitFor();
    await viewer.getByRole('button', { name: 'Send a confirmation link' }).click();
    await expect.poll(() => viewer.getByRole('status').textContent()).toMatch(/We sent a link/);

    const admin = await signedIn('admin@acme.test', '/console/mailbox');
    const mail = admin.getByRole('article', {
      name: 'Confirm your email address for Spendprint to viewer@acme.test',
    });
    await mail.waitFor();
    const link = (await mail.getByRole('link', { name: 'Open the link' }).getAttribute('href'))!;
    expect(link).toMatch(/\/console\/verify-email\?token=/);

    const landing = await open(link.replace(worker.url, ''));
    await expect
      .poll(() => landing.getByRole('status').textContent())
      .toMatch(/Your email address is confirmed/);
    await viewer.reload();
    await viewer.getByText('Your email address viewer@acme.test is confirmed.').waitFor();
  });

  test('an invited person accepts from the emailed link and signs in with the invited role', async () => {
    const admin = await signedIn('admin@acme.test', '/console/members');
    await admin.getByRole('heading', { name: 'Users and teams' }).waitFor();
    const invite = admin.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill('new.analyst@acme.test');
    await invite.getByLabel('Role').selectOption('analyst');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => invite.getByRole('status').textContent()).toContain('Invitation sent');

    await admin.getByRole('link', { name: 'Dev mailbox' }).click();
    const mail = admin.getByRole('article', {
      name: 'You are invited to Spendprint to new.analyst@acme.test',
    });
    await mail.waitFor();
    const link = (await mail.getByRole('link', { name: 'Open the link' }).getAttribute('href'))!;

    const invitee = await open(link.replace(worker.url, ''));
    await invitee.getByRole('heading', { name: 'Join Spendprint' }).waitFor();
    await invitee.getByLabel('Your name').fill('Nia New');
    await invitee.getByLabel('New password', { exact: true }).fill('a strong invited password');
    await invitee.getByLabel('Repeat the password').fill('a strong invited password');
    await invitee.getByRole('button', { name: 'Accept the invitation' }).click();
    await expect.poll(() => invitee.getByRole('status').textContent()).toMatch(/You have joined/);
    await invitee.getByRole('button', { name: 'Sign in' }).click();
    await signInWithPassword(invitee, 'new.analyst@acme.test', 'a strong invited password');
    await invitee.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect.poll(() => invitee.locator('.topbar').textContent()).toMatch(/Nia New\s*analyst/i);
  });
});
