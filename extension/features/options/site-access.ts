import { sendMessage } from '../../utils/messaging';

/** "procurement.example.com/cart" or "https://erp.example.com/x" → "https://erp.example.com/*". */
export function sitePattern(input: string): string {
  const trimmed = input.trim();
  const url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Only http and https sites can be enabled.');
  return `${url.protocol}//${url.hostname}/*`;
}

/** The sites the extension may run on (granted host permissions). */
export async function listSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => /^https?:\/\//.test(origin)).sort();
}

/**
 * Asks the browser for access to one site (must run in a user gesture on an extension page),
 * then tells the background to register the content script there.
 */
export async function requestSiteAccess(input: string): Promise<{ pattern: string; granted: boolean }> {
  const pattern = sitePattern(input);
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (granted) await sendMessage('sites-changed', {});
  return { pattern, granted };
}

export async function removeSiteAccess(pattern: string): Promise<boolean> {
  const removed = await browser.permissions.remove({ origins: [pattern] });
  await sendMessage('sites-changed', {});
  return removed;
}
