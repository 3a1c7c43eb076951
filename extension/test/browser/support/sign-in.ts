import type { BrowserContext } from 'playwright-core';

/** Signs in through the options page using its stable accessible names. */
export async function signInThroughOptions(
  context: BrowserContext,
  extensionId: string,
  credentials: { serverUrl: string; email: string; password: string; code?: string },
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('textbox', { name: 'Server URL' }).fill(credentials.serverUrl);
  await page.getByRole('textbox', { name: 'Email' }).fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  if (credentials.code) await page.getByRole('textbox', { name: 'Authentication code' }).fill(credentials.code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  try {
    await page.getByText(`Signed in as ${credentials.email}`).waitFor({ timeout: 30_000 });
  } catch (error) {
    // What the options page says instead (an error message, a pending state) is the diagnosis.
    const shown = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 500);
    throw new Error(`sign-in as ${credentials.email} did not complete; the options page shows: ${shown}`, { cause: error });
  }
  await page.close();
}

export async function signOutThroughOptions(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await page.close();
}
