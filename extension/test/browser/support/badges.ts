import type { Locator } from 'playwright-core';

/** A page or one of its frames. */
type Document = { locator(selector: string): Locator };

/** The badge host of the line whose row carries `data-line="<name>"` in a fixture. */
export function badgeOf(page: Document, line: string): Locator {
  return page.locator(`[data-line="${line}"] [data-spendprint-host="line"]`);
}

export async function kgOf(page: Document, line: string): Promise<string | null> {
  return badgeOf(page, line).getAttribute('data-spendprint-kg');
}

export function allBadges(page: Document): Locator {
  return page.locator('[data-spendprint-host="line"]');
}
