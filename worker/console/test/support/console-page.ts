import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from './local-worker';

/**
 * Where the journeys' screenshots go: the README's own with SPENDPRINT_SCREENSHOTS=1, else a
 * git-ignored folder, so that a test run leaves the working tree as it found it.
 */
export const SCREENSHOTS = join(
  REPO_ROOT,
  process.env.SPENDPRINT_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);

export interface ConsolePage {
  page: Page;
  /** Console messages of type error and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh browser context (own cookies) with CSP violations and page errors recorded. */
export async function openConsole(
  browser: Browser,
  baseUrl: string,
  path = '/console',
): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(`${baseUrl}${path}`);
  return { page, problems, close: () => context.close() };
}

export async function signInWithPassword(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export function totpCode(secretBase32: string, timestamp = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 }).generate({
    timestamp,
  });
}

/** Codes are single-use per 30-second step: wait until the step after `usedAt` has begun. */
export async function waitForNextStep(usedAt: number): Promise<void> {
  const next = (Math.floor(usedAt / 30_000) + 1) * 30_000;
  const wait = next - Date.now() + 250;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** A screenshot for the README: the whole page, or only the window for long lists. */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expect.poll(() => nav.getByRole('link').count()).toBeGreaterThan(0);
  return nav.getByRole('link').allTextContents();
}
