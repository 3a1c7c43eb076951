import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { lastTwelveMonths } from '../../../scripts/demo/demo-spend';
import { describeInChromium, launchChromium } from './support/chromium';
import {
  navLabels,
  openConsole,
  screenshot,
  signInWithPassword,
  type ConsolePage,
} from './support/console-page';
import { DEMO_PASSWORD, startLocalWorker, type LocalWorker } from './support/local-worker';

const PERIOD = 'Demo year';

/** The approver defines the seeded demo year as a period, through the API (as a script would). */
async function defineDemoPeriod(baseUrl: string): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'approver@acme.test', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const months = lastTwelveMonths(new Date());
  const [year, month] = months.at(-1)!.split('-').map(Number) as [number, number];
  const response = await fetch(`${baseUrl}/api/v1/periods`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      name: PERIOD,
      startDate: `${months[0]}-01`,
      endDate: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10),
    }),
  });
  if (response.status !== 201) throw new Error(`defining the period answered ${response.status}`);
}

const detail = (page: Page) => page.getByRole('article');
const status = (page: Page) => detail(page).locator('.report-status').first();

describeInChromium('reports in the console against a real local Worker', () => {
  let worker: LocalWorker;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  const signedIn = async (email: string) => {
    const consolePage = await openConsole(browser, worker.url, '/console/reports');
    opened.push(consolePage);
    await signInWithPassword(consolePage.page, email, DEMO_PASSWORD);
    await consolePage.page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    return consolePage.page;
  };

  beforeAll(async () => {
    worker = await startLocalWorker();
    browser = await launchChromium();
    await defineDemoPeriod(worker.url);
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

  test('an analyst prepares and submits; another user approves; the download matches its checksum', async () => {
    const analyst = await signedIn('analyst@acme.test');
    await analyst.getByLabel('Period').selectOption({ index: 0 });
    await analyst.getByRole('button', { name: 'Prepare draft' }).click();
    await expect.poll(() => status(analyst).textContent()).toBe('Draft');
    expect(await detail(analyst).textContent()).toMatch(
      /Gross Scope 3 Cat\. 1 \(ESRS E1-6\)[\d,.]+ t CO2e/,
    );
    // An analyst submits but cannot approve.
    expect(await analyst.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await analyst.getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => status(analyst).textContent()).toBe('Submitted for approval');
    await expect
      .poll(() => analyst.getByTestId('report-history').textContent())
      .toMatch(/Submitted by Ana Analyst/);

    const approver = await signedIn('approver@acme.test');
    await approver.getByRole('button', { name: new RegExp(`Open ${PERIOD} v1`) }).click();
    await expect.poll(() => status(approver).textContent()).toBe('Submitted for approval');
    await approver.getByLabel('Comment').fill('Checked against the ledger totals.');
    await screenshot(approver, 'console-reports');
    await approver.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => status(approver).textContent()).toBe('Approved');
    expect(await approver.getByTestId('report-history').textContent()).toMatch(
      /Approved by Arthur Approver, .*: “Checked against the ledger totals\.”/,
    );
    // Final: no decision buttons any more.
    expect(await approver.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    for (const format of ['pdf', 'csv'] as const) {
      const shown = (await approver.getByTestId(`sha256-${format}`).textContent())!.trim();
      expect(shown).toMatch(/^[0-9a-f]{64}$/);
      const [download] = await Promise.all([
        approver.waitForEvent('download'),
        approver.getByRole('link', { name: `Download ${format.toUpperCase()}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`spendprint-report-demo-year-v1.${format}`);
      const bytes = await readFile((await download.path())!);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
      if (format === 'pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      else expect(bytes.toString('utf8')).toContain('Nordic Steel AB');
    }
  });

  test('each role gets only the buttons it may use', async () => {
    const viewer = await signedIn('viewer@acme.test');
    expect(await navLabels(viewer)).toContain('Reports');
    expect(await viewer.getByRole('heading', { name: 'Prepare a report' }).count()).toBe(0);
    await viewer.getByRole('button', { name: new RegExp(`Open ${PERIOD} v1`) }).click();
    await detail(viewer).getByRole('link', { name: 'Download JSON' }).waitFor();
    for (const name of ['Submit for approval', 'Approve', 'Reject', 'Revise (new version)']) {
      expect(await viewer.getByRole('button', { name }).count(), name).toBe(0);
    }

    // An admin holds both capabilities, yet may not approve what they prepared themselves.
    const admin = await signedIn('admin@acme.test');
    await admin.getByLabel('Period').selectOption({ index: 0 });
    await admin.getByRole('button', { name: 'Prepare draft' }).click();
    await admin.getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => status(admin).textContent()).toBe('Submitted for approval');
    await detail(admin).getByText('another approver decides on it').waitFor();
    expect(await admin.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // Buyers see only their teams' spend: no tenant-wide reports.
    const { page: buyer } = await openConsole(browser, worker.url);
    await signInWithPassword(buyer, 'buyer@acme.test', DEMO_PASSWORD);
    expect(await navLabels(buyer)).not.toContain('Reports');
  });
});
