import { readFileSync } from 'node:fs';
import { launchChromium } from './support/chromium';
import { openConsole, signInWithPassword } from './support/console-page';

const url = readFileSync('/tmp/scratch/worker-url', 'utf8');
const [email = 'admin@acme.test', ...routes] = process.argv.slice(2);
const browser = await launchChromium();
const { page, problems } = await openConsole(browser, url);
await signInWithPassword(page, email, 'demo-password-123');
await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
for (const route of routes) {
  await page.goto(`${url}/console${route}`);
  await page.waitForTimeout(1500);
  const name = route.replace(/\W+/g, '_') || 'root';
  await page.screenshot({ path: `/tmp/scratch/${name}.png`, fullPage: true });
  console.info(
    route,
    (await page.locator('main').innerText()).slice(0, 600).replace(/\n+/g, ' | '),
  );
}
console.info('problems', problems);
await browser.close();
