/**
 * Screenshots for the READMEs, written to docs/screenshots/extension-*.png:
 * `npm run build:extension:test && npx tsx extension/test/browser/take-screenshots.ts`.
 * With SPENDPRINT_API_URL (e.g. a local `wrangler dev` with the demo seed) the page and the
 * popup show the real Worker's numbers; without it, the local stub's.
 */
import path from 'node:path';
import { launchWithExtension, type LoadedExtension } from './support/chromium';
import { startFixtureServer } from './support/fixture-server';
import { repoRoot } from './support/paths';
import { signInThroughOptions } from './support/sign-in';
import { startStubApi, STUB_PASSWORD } from './support/stub-api';

const out = (name: string) => path.join(repoRoot, 'docs', 'screenshots', `extension-${name}.png`);

const stub = process.env.SPENDPRINT_API_URL ? undefined : await startStubApi();
const serverUrl = process.env.SPENDPRINT_API_URL ?? stub!.url;
const fixtures = await startFixtureServer();

async function withBrowser(run: (browser: LoadedExtension) => Promise<void>) {
  const browser = await launchWithExtension();
  try {
    await run(browser);
  } finally {
    await browser.close();
  }
}

await withBrowser(async (browser) => {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 640, height: 820 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('textbox', { name: 'Server URL' }).fill('https://spendprint.example.com');
  await options.getByRole('textbox', { name: 'Email' }).fill('buyer@acme.test');
  await options.waitForTimeout(200);
  await options.screenshot({ path: out('options') });
});

await withBrowser(async (browser) => {
  await signInThroughOptions(browser.context, browser.extensionId, { serverUrl, email: 'buyer@acme.test', password: STUB_PASSWORD });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 560 });
  await page.goto(fixtures.url('/cart-table.html'));
  const badge = page.locator('[data-line="paper"] [data-spendprint-host="line"] button.badge');
  await badge.waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: out('cart-with-badges') });
  await badge.click();
  await page.waitForTimeout(200);
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.screenshot({ path: out('cart-panel') });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByTestId('period-total').waitFor();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: out('popup') });
});

await fixtures.close();
await stub?.close();
console.info('screenshots written to docs/screenshots/extension-*.png');
