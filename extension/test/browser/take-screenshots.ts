/**
 * Screenshots for extension/README.md: `npx tsx extension/test/browser/take-screenshots.ts`
 * (builds nothing: run `npm run build:extension:test` first). Uses SPENDPRINT_API_URL when set
 * (the real Worker), else the local stub; the popup falls back to the stub while the Worker has
 * no summary route.
 */
import path from 'node:path';
import { launchWithExtension } from './support/chromium';
import { startFixtureServer } from './support/fixture-server';
import { extensionRoot } from './support/paths';
import { signInThroughOptions } from './support/sign-in';
import { startStubApi } from './support/stub-api';

const out = (name: string) => path.join(extensionRoot, 'docs', 'screenshots', name);

async function shoot(serverUrl: string, run: (browser: Awaited<ReturnType<typeof launchWithExtension>>, fixtureUrl: (p: string) => string) => Promise<void>) {
  const fixtures = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
    await signInThroughOptions(browser.context, browser.extensionId, { serverUrl, email: 'buyer@acme.test', password: 'demo-password-123' });
    await run(browser, fixtures.url);
  } finally {
    await browser.close();
    await fixtures.close();
  }
}

const stub = await startStubApi();
const pageServer = process.env.SPENDPRINT_API_URL ?? stub.url;
await shoot(pageServer, async (browser, fixtureUrl) => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 560 });
  await page.goto(fixtureUrl('/cart-table.html'));
  const badge = page.locator('[data-line="paper"] [data-spendprint-host="line"] button.badge');
  await badge.waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: out('cart-with-badges.png') });
  await badge.click();
  await page.waitForTimeout(200);
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.screenshot({ path: out('cart-panel.png') });
});
await shoot(stub.url, async (browser) => {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 560 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByTestId('period-total').waitFor();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: out('popup.png') });
});
await stub.close();
console.info('screenshots written to extension/docs/screenshots/');
