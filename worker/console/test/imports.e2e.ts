import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInChromium, launchChromium } from './support/chromium';
import {
  navLabels,
  openConsole,
  screenshot,
  signInWithPassword,
  type ConsolePage,
} from './support/console-page';
import { DEMO_PASSWORD, startLocalWorker, type LocalWorker } from './support/local-worker';

const CSV = [
  'Item description,Vendor,Invoice date,Net amount,Currency,Notes',
  'Laptop computer 14 inch,Northwind Computers,2025-03-04,1299.00,USD,',
  'Office paper A4 80gsm,Staples,2025-03-05,=1+1,USD,formula in the amount',
  'Nitrile gloves large,Grainger,2025-03-06,84.50,USD,',
  'Diesel fuel ultra low sulfur,Shell,2025-03-07,"1,240.10",USD,',
].join('\r\n');

describeInChromium('CSV import in the console against a real local Worker', () => {
  let worker: LocalWorker;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  beforeAll(async () => {
    worker = await startLocalWorker();
    browser = await launchChromium();
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

  test('an analyst imports a small CSV: mapping preview, progress to completion, a row error listed', async () => {
    const consolePage = await openConsole(browser, worker.url);
    opened.push(consolePage);
    const { page } = consolePage;
    await signInWithPassword(page, 'analyst@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await navLabels(page)).toContain('Import spend');
    await page.getByRole('link', { name: 'Import spend' }).click();
    await page.getByRole('heading', { name: 'Import spend' }).waitFor();

    await page.getByLabel('CSV file').setInputFiles({
      name: 'march-purchases.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    // The mapping preview: columns found from the headers, the first rows read with them.
    await page.getByRole('heading', { name: 'Columns of march-purchases.csv' }).waitFor();
    expect(await page.getByLabel('Description (required)').inputValue()).toBe('Item description');
    expect(await page.getByLabel('Amount (required)').inputValue()).toBe('Net amount');
    expect(await page.getByLabel('Supplier').inputValue()).toBe('Vendor');
    const firstRows = page.getByRole('table', { name: 'First rows as they will be imported' });
    await expect.poll(() => firstRows.getByRole('row').count()).toBe(5);
    expect(await firstRows.getByRole('row').nth(2).textContent()).toContain(
      'Net amount: not a number',
    );

    // Override: leave the supplier out, and the preview follows.
    await page.getByLabel('Supplier').selectOption('');
    await expect
      .poll(() => firstRows.getByRole('columnheader').allTextContents())
      .not.toContain('Supplier');
    await page.getByLabel('Supplier').selectOption('Vendor');
    await expect
      .poll(() => firstRows.getByRole('columnheader').allTextContents())
      .toContain('Supplier');
    await screenshot(page, 'console-import-mapping');

    await page.getByRole('button', { name: 'Import march-purchases.csv' }).click();
    const status = page.getByTestId('import-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('completed');
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      '4 of 4 rows · 3 recorded · 0 duplicates · 1 refused',
    );
    expect(
      await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value'),
    ).toBe('4');
    const errors = page.getByRole('table', { name: 'Rows that were not imported' });
    const errorRow = errors.getByRole('row').nth(1);
    expect(await errorRow.getByRole('cell').allTextContents()).toEqual([
      '3',
      'Net amount',
      'not a number',
      "'=1+1",
    ]);
    const history = page.getByRole('table', { name: 'Recent imports' });
    await expect
      .poll(() => history.getByRole('row').nth(1).textContent())
      .toContain('march-purchases.csv');
    await screenshot(page, 'console-import');

    // The same file again is refused with the problem's own words.
    await page.getByLabel('CSV file').setInputFiles({
      name: 'march-purchases.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByRole('button', { name: 'Import march-purchases.csv' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/imported already/);
  });

  test('a renamed workbook is refused at the preview with a clear message', async () => {
    const consolePage = await openConsole(browser, worker.url, '/console/import');
    opened.push(consolePage);
    const { page } = consolePage;
    await signInWithPassword(page, 'analyst@acme.test', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Import spend' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles({
      name: 'spend.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
    });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/ZIP container.*Excel workbook/);
  });
});
