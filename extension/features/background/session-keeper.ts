import { ApiError } from '../../utils/api/api-error';
import type { RefreshedSession, SessionToken } from '../../utils/api/auth-schema';
import { getAuthSession, removeAuthSession, saveAuthSession, type AuthSession } from '../../utils/storage/auth-session';
import { clearRefreshGrant, getRefreshGrant, saveRefreshGrant } from '../../utils/storage/refresh-grant';

/** A session this close to its end is renewed before use rather than sent to fail. */
export const RENEW_BEFORE_MS = 60_000;

export interface SessionKeeperDeps {
  /** POST /auth/refresh (unauthenticated: the refresh token is the credential). */
  refresh(refreshToken: string): Promise<RefreshedSession>;
  serverUrl(): Promise<string | undefined>;
  now?: () => number;
}

const toIso = (value: string | number) => (typeof value === 'number' ? new Date(value * (value < 1e12 ? 1000 : 1)).toISOString() : value);

/** Saves what a sign-in answered: the access token in storage.session, the refresh token (if any) in storage.local. */
export async function establishSession(answer: SessionToken, email: string, serverUrl: string | undefined): Promise<AuthSession> {
  const session = { token: answer.token, expiresAt: toIso(answer.expiresAt), email };
  await saveAuthSession(session);
  if (answer.refreshToken && answer.refreshExpiresAt && serverUrl) {
    await saveRefreshGrant({ refreshToken: answer.refreshToken, expiresAt: answer.refreshExpiresAt, email, serverUrl });
  } else {
    await clearRefreshGrant();
  }
  return session;
}

/**
 * Keeps the background's session alive: resumes it from the refresh token after a browser
 * restart (storage.session is empty then), renews it shortly before it ends, and once after a
 * 401. Refreshes are single-flight, because each refresh token is single-use: a second
 * concurrent use would look like theft to the server and end the whole session family.
 */
export function createSessionKeeper(deps: SessionKeeperDeps) {
  const now = deps.now ?? Date.now;
  let inFlight: Promise<AuthSession | undefined> | undefined;

  async function resumeFromGrant(): Promise<AuthSession | undefined> {
    const grant = await getRefreshGrant(now());
    if (!grant) return undefined;
    if ((await deps.serverUrl()) !== grant.serverUrl) {
      await clearRefreshGrant(); // the user pointed the extension at another server
      return undefined;
    }
    let answer: RefreshedSession;
    try {
      answer = await deps.refresh(grant.refreshToken);
    } catch (error) {
      // Refused (spent, revoked, expired): it will never work again. Offline: keep it for later.
      if (!(error instanceof ApiError) || error.kind !== 'rejected') throw error;
      await clearRefreshGrant();
      return undefined;
    }
    return establishSession(answer, grant.email, grant.serverUrl);
  }

  function refreshOnce(): Promise<AuthSession | undefined> {
    inFlight ??= resumeFromGrant().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  /**
   * The live session, resumed or renewed from the refresh token when needed. Offline, a session
   * that has not quite ended is still used; without one the network error is passed on.
   */
  async function session(): Promise<AuthSession | undefined> {
    const current = await getAuthSession(now());
    if (current && Date.parse(current.expiresAt) - now() > RENEW_BEFORE_MS) return current;
    try {
      return (await refreshOnce()) ?? (await getAuthSession(now()));
    } catch (error) {
      const stillValid = await getAuthSession(now());
      if (stillValid) return stillValid;
      throw error;
    }
  }

  return {
    session,

    /** After the server refused `rejected`: a token rotated meanwhile, a refreshed one, or undefined. */
    async renewAfterRejection(rejected: string): Promise<string | undefined> {
      const current = await getAuthSession(now());
      if (current && current.token !== rejected) return current.token;
      await removeAuthSession(rejected);
      return (await refreshOnce())?.token;
    },

    /** Signed in for the options page and popup: a session, or a refresh token to resume one. */
    async account(): Promise<{ email: string } | undefined> {
      const live = await session().catch(() => undefined);
      if (live) return { email: live.email };
      const grant = await getRefreshGrant(now());
      return grant ? { email: grant.email } : undefined;
    },
  };
}

export type SessionKeeper = ReturnType<typeof createSessionKeeper>;
