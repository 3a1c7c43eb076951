/** User settings in storage.local, overridable by IT policy through storage.managed. */
export interface ServerSetting {
  url: string | undefined;
  /** True when an administrator set it by policy: the options page shows it read-only. */
  managed: boolean;
}

function normalizeServerUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

const MANAGED_READ_TIMEOUT_MS = 500;

/**
 * A policy value, or undefined. Chromium can leave storage.managed.get pending (seen right
 * after install with no policy), so the read gives up after a short wait.
 */
async function managedValue(key: string): Promise<unknown> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, MANAGED_READ_TIMEOUT_MS, undefined));
  try {
    const stored = await Promise.race([browser.storage.managed.get(key), timeout]);
    return stored?.[key];
  } catch {
    return undefined; // no policy schema or no policy: not managed
  }
}

export async function getServerSetting(): Promise<ServerSetting> {
  const managed = normalizeServerUrl(await managedValue('serverUrl'));
  if (managed) return { url: managed, managed: true };
  const { serverUrl } = await browser.storage.local.get('serverUrl');
  return { url: normalizeServerUrl(serverUrl), managed: false };
}

/** Saves the server URL (origin only); refuses anything that is not an http(s) URL. */
export async function setServerUrl(value: string): Promise<string> {
  const url = normalizeServerUrl(value);
  if (!url) throw new Error('Enter a full http:// or https:// address.');
  await browser.storage.local.set({ serverUrl: url });
  return url;
}

/** The default currency: a policy's wins over the user's own. */
export async function getUserCurrency(): Promise<string | undefined> {
  const managed = await managedValue('defaultCurrency');
  const { defaultCurrency } = await browser.storage.local.get('defaultCurrency');
  const value = typeof managed === 'string' ? managed : defaultCurrency;
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : undefined;
}

export async function setUserCurrency(currency: string): Promise<void> {
  const code = currency.trim().toUpperCase();
  if (code && !/^[A-Z]{3}$/.test(code)) throw new Error('Use a three-letter currency code such as USD.');
  await (code ? browser.storage.local.set({ defaultCurrency: code }) : browser.storage.local.remove('defaultCurrency'));
}

export { normalizeServerUrl };
