import type { Locator, Page } from 'playwright-core';

/** The badge host of the line whose row carries `data-line="<name>"` in a fixture. */
export function badgeOf(page: Page, line: string): Locator {
  return page.locator(`[data-line="${line}"] [data-spendprint-host="line"]`);
}

export async function kgOf(page: Page, line: string): Promise<string | null> {
  return badgeOf(page, line).getAttribute('data-spendprint-kg');
}

export function allBadges(page: Page): Locator {
  return page.locator('[data-spendprint-host="line"]');
}
