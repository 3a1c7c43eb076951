/**
 * The session (access) token lives in storage.session only: kept in memory, cleared when the
 * browser closes, and (access level TRUSTED_CONTEXTS) unreadable from content scripts. The
 * refresh token that resumes it after a restart is in refresh-grant.ts.
 */
export interface AuthSession {
  token: string;
  expiresAt: string;
  email: string;
}

interface PendingSecondFactor {
  challenge: string;
  email: string;
}

const AUTH_KEY = 'auth';
const PENDING_KEY = 'pending2fa';

function isExpired(expiresAt: string, now: number): boolean {
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) && at <= now;
}

export async function getAuthSession(now = Date.now()): Promise<AuthSession | undefined> {
  const stored = (await browser.storage.session.get(AUTH_KEY))[AUTH_KEY] as AuthSession | undefined;
  if (!stored?.token) return undefined;
  if (isExpired(stored.expiresAt, now)) {
    await browser.storage.session.remove(AUTH_KEY);
    return undefined;
  }
  return stored;
}

export async function saveAuthSession(session: AuthSession): Promise<void> {
  await browser.storage.session.set({ [AUTH_KEY]: session });
  await browser.storage.session.remove(PENDING_KEY);
}

/** Forgets the session only if it is still the one holding `token` (another may have replaced it). */
export async function removeAuthSession(token: string): Promise<void> {
  const stored = (await browser.storage.session.get(AUTH_KEY))[AUTH_KEY] as AuthSession | undefined;
  if (stored?.token === token) await browser.storage.session.remove(AUTH_KEY);
}

export async function clearAuthSession(): Promise<void> {
  await browser.storage.session.remove([AUTH_KEY, PENDING_KEY]);
}

export async function savePendingSecondFactor(pending: PendingSecondFactor): Promise<void> {
  await browser.storage.session.set({ [PENDING_KEY]: pending });
}

export async function getPendingSecondFactor(): Promise<PendingSecondFactor | undefined> {
  return (await browser.storage.session.get(PENDING_KEY))[PENDING_KEY] as PendingSecondFactor | undefined;
}
