/**
 * The rotating refresh token, in storage.local so that it outlives a browser restart (the access
 * token in storage.session does not). Single use: every refresh replaces it. It is bound to the
 * server it came from and to the account, and removed at sign-out or when the server refuses it.
 */
export interface RefreshGrant {
  refreshToken: string;
  expiresAt: string;
  email: string;
  serverUrl: string;
}

const GRANT_KEY = 'refreshGrant';

export async function getRefreshGrant(now = Date.now()): Promise<RefreshGrant | undefined> {
  const stored = (await browser.storage.local.get(GRANT_KEY))[GRANT_KEY] as RefreshGrant | undefined;
  if (!stored?.refreshToken) return undefined;
  const expires = Date.parse(stored.expiresAt);
  if (Number.isFinite(expires) && expires <= now) {
    await clearRefreshGrant();
    return undefined;
  }
  return stored;
}

export async function saveRefreshGrant(grant: RefreshGrant): Promise<void> {
  await browser.storage.local.set({ [GRANT_KEY]: grant });
}

export async function clearRefreshGrant(): Promise<void> {
  await browser.storage.local.remove(GRANT_KEY);
}
