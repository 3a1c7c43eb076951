import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type LoadedExtension } from './support/chromium';
import { describeInChromium } from './support/describe-in-chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';

describeInChromium('built extension in Chromium', () => {
  let browser: LoadedExtension;
  let fixtures: FixtureServer;

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  test('the extension id is the one pinned by the development key', () => {
    expect(browser.extensionId).toBe('nidfkibjbnhbiheknhcnkeijcbfdbcbm');
  });

  test('the content script runs on a local page', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixtures.url('/plain.html'));
    await page.waitForSelector('html[data-spendprint="ready"]', { timeout: 15_000 });
    expect(await page.getAttribute('html', 'data-spendprint')).toBe('ready');
    await page.close();
  });

  test('the popup page renders', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.getByRole('heading', { name: 'Spendprint' }).count()).toBe(1);
    await page.close();
  });
});
