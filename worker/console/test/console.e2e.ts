import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInChromium, launchChromium } from './support/chromium';
import {
  navLabels,
  openConsole,
  screenshot,
  signInWithPassword,
  totpCode,
  waitForNextStep,
  type ConsolePage,
} from './support/console-page';
import { recordDemoSpend } from './support/demo-spend';
import { DEMO_PASSWORD, startLocalWorker, type LocalWorker } from './support/local-worker';

describeInChromium('the console against a real local Worker', () => {
  let worker: LocalWorker;
  let browser: Browser;
  let spendRecorded = false;
  let apiKeysOffered = false;
  const opened: ConsolePage[] = [];

  const open = async (path?: string) => {
    const consolePage = await openConsole(browser, worker.url, path);
    opened.push(consolePage);
    return consolePage;
  };

  beforeAll(async () => {
    worker = await startLocalWorker();
    browser = await launchChromium();
    spendRecorded = await recordDemoSpend(worker.url);
    const doc = await (await fetch(`${worker.url}/api/v1/openapi.json`)).json();
    apiKeysOffered = Boolean((doc as { paths: Record<string, unknown> }).paths['/api/v1/api-keys']);
  });

  afterAll(async () => {
    for (const { problems } of opened) {
      expect(
        problems.filter((text) => /Content Security Policy|CSP violation/i.test(text)),
      ).toEqual([]);
    }
    await browser?.close();
    await worker?.stop();
  });

  test('a wrong password shows the problem title and detail, no stack', async () => {
    const { page } = await open();
    await signInWithPassword(page, 'analyst@acme.test', 'not-the-password');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Sign-in required/);
    expect(await alert.textContent()).toMatch(/Request id/);
    expect(await alert.textContent()).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  test('admin signs in with a password and sees the dashboard', async () => {
    const { page } = await open();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await screenshot(page, 'console-sign-in');
    await signInWithPassword(page, 'admin@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('Acme Manufacturing');
    expect(await navLabels(page)).toEqual([
      'Dashboard',
      'Spend lines',
      'Review queue',
      'Rules',
      'Supplier factors',
      'Periods',
      'Reports',
      'Import spend',
      'Users and teams',
      'Audit log',
      'Access log',
      ...(apiKeysOffered ? ['API keys'] : []),
      'Encryption keys',
      'Single sign-on',
      'Governance',
      'Dev mailbox',
      'ERP connectors',
      'Two-factor sign-in',
    ]);
    // The dashboard opens on the current month, which is still in progress.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByText(`Footprint, ${today.slice(0, 7)} so far`, { exact: true }).waitFor();
    await page.getByText(new RegExp(`^\\d+ lines?, to ${today}$`)).waitFor();
    if (spendRecorded) {
      const total = page.getByTestId('footprint-total');
      await expect.poll(() => total.textContent()).toMatch(/CO2e$/);
      expect(await total.textContent()).not.toMatch(/^0 kg/);
      await page
        .getByRole('region', { name: 'By supplier' })
        .getByText('Northwind Computers')
        .waitFor();
    }
    await screenshot(page, 'console-dashboard');

    await page.getByRole('link', { name: 'Users and teams' }).click();
    await page.getByRole('heading', { name: 'Users and teams' }).waitFor();
    await page.getByRole('cell', { name: 'viewer@acme.test' }).waitFor();
    await screenshot(page, 'console-users');
  });

  test('admin creates an API key (shown once) and revokes it', async (context) => {
    if (!apiKeysOffered) return context.skip();
    const { page } = await open('/console/api-keys');
    await signInWithPassword(page, 'admin@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByLabel('Key name').fill('ERP export');
    await page.getByRole('checkbox', { name: 'dashboard:read' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent())!;
    expect(key).toMatch(/^sp_live_/);
    const row = page.getByRole('row', { name: /ERP export/ });
    await expect.poll(() => row.textContent()).toContain(key.slice(8, 16));
    // The full key appears only in the one-time notice, never in the list.
    expect(await row.textContent()).not.toContain(key);
    // It works as a Bearer credential until revoked.
    const callWithKey = () =>
      fetch(`${worker.url}/api/v1/teams`, { headers: { Authorization: `Bearer ${key}` } });
    expect((await callWithKey()).status).toBe(200);
    await screenshot(page, 'console-api-keys');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Confirm: revoke ERP export' }).click();
    await expect.poll(() => row.textContent()).toMatch(/revoked/);
    expect((await callWithKey()).status).toBe(401);
  });

  test('admin connects Coupa, sees what it may call, and revokes it', async () => {
    const { page } = await open('/console/connectors');
    await signInWithPassword(page, 'admin@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'ERP connectors' }).waitFor();
    await page.getByText('No connectors yet.').waitFor();
    const secret = `e2e-client-secret-${Date.now()}`;
    await page.getByLabel('Connector name').fill('Coupa production');
    await page.getByLabel('Client ID').fill('spendprint');
    await page.getByLabel('Client secret').fill(secret);
    // An instance off Coupa's hosts is refused, field by field, and nothing is stored.
    await page.getByLabel('Instance URL').fill('https://erp.example.com');
    await page.getByRole('button', { name: 'Connect' }).click();
    const problem = page.getByRole('alert');
    await expect.poll(() => problem.textContent()).toContain('baseUrl: a Coupa instance is on');
    expect(await page.getByText('No connectors yet.').count()).toBe(1);

    await page.getByLabel('Instance URL').fill('https://acme-demo.coupahost.com');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('status').filter({ hasText: 'is connected' }).waitFor();
    const row = page.getByRole('row', { name: /Coupa production/ });
    await expect.poll(() => row.textContent()).toContain('active');
    expect(await row.textContent()).toContain('never');
    await row.getByRole('button', { name: 'Activity' }).click();
    const allowed = page.getByRole('list', { name: 'Allowed calls' });
    await expect
      .poll(() => allowed.textContent())
      .toContain('GET https://acme-demo.coupahost.com/api/purchase_orders');
    expect(await allowed.textContent()).toContain(
      'POST https://acme-demo.coupahost.com/oauth2/token',
    );
    await page.getByText('No pulls yet.').waitFor();
    await page.getByText('No calls yet.').waitFor();
    // The secret went into a password field and is shown nowhere afterwards.
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'console-connectors');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Confirm: revoke Coupa production' }).click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    expect(await row.getByRole('button', { name: 'Pull now' }).count()).toBe(0);
  });

  test('each role sees only the pages its capabilities allow', async () => {
    const expected: Record<string, string[]> = {
      'viewer@acme.test': ['Dashboard', 'Spend lines', 'Periods', 'Reports', 'Two-factor sign-in'],
      'buyer@acme.test': ['Dashboard', 'Spend lines', 'Periods', 'Two-factor sign-in'],
      'auditor@acme.test': [
        'Dashboard',
        'Spend lines',
        'Periods',
        'Reports',
        'Audit log',
        'Access log',
        'Two-factor sign-in',
      ],
      'analyst@acme.test': [
        'Dashboard',
        'Spend lines',
        'Review queue',
        'Rules',
        'Supplier factors',
        'Periods',
        'Reports',
        'Import spend',
        'Two-factor sign-in',
      ],
      'approver@acme.test': [
        'Dashboard',
        'Spend lines',
        'Periods',
        'Reports',
        'Audit log',
        'Two-factor sign-in',
      ],
    };
    for (const [email, labels] of Object.entries(expected)) {
      const { page, close } = await open();
      await signInWithPassword(page, email, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      expect(await navLabels(page), email).toEqual(labels);
      // A deep link to a page the role lacks answers "not found", not the page.
      for (const route of ['/members', '/governance', '/keys']) {
        await page.goto(`${worker.url}/console${route}`);
        await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      }
      await close();
    }
  });

  test('admin enrols TOTP, signs out, and signs in again with password + code', async () => {
    const { page } = await open('/console/security');
    await signInWithPassword(page, 'admin@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await screenshot(page, 'console-totp-enrolment');

    const enrolledAt = Date.now();
    await page.getByLabel('6-digit code').fill(totpCode(secret, enrolledAt));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'console-recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('Two-factor sign-in is on for admin@acme.test').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    // The session cookie is gone: the API answers 401 to this browser now.
    const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status));
    expect(me).toBe(401);

    await signInWithPassword(page, 'admin@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByLabel('Authentication code').waitFor();
    await screenshot(page, 'console-sign-in-totp');
    await waitForNextStep(enrolledAt);
    await page.getByLabel('Authentication code').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect.poll(() => page.locator('.tile').nth(2).textContent()).toContain('On');
  });

  test('an auditor verifies the audit log from its page, after a reload (CSRF from /auth/csrf)', async () => {
    const { page } = await open();
    await signInWithPassword(page, 'auditor@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    // A deep link and a full reload: the SPA fallback serves the page, the session survives.
    await page.goto(`${worker.url}/console/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('cell', { name: 'session.create' }).first().waitFor();

    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const verdict = page.getByTestId('audit-verdict');
    await expect.poll(() => verdict.textContent()).toMatch(/^Chain verified: \d+ entries/);

    // A write after the reload: the client fetches the CSRF token again.
    await page.getByRole('button', { name: 'Sign a checkpoint now' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Signed checkpoints' }).textContent())
      .toMatch(/Latest: \d+ entries/);
    await screenshot(page, 'console-audit-log');
  });
});
