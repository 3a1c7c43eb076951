import type { ApiClient } from '../../utils/api/api-client';
import { ApiError } from '../../utils/api/api-error';
import type { MessageResponses } from '../../utils/messaging';
import { clearAuthSession, getAuthSession, getPendingSecondFactor, savePendingSecondFactor } from '../../utils/storage/auth-session';
import { clearRefreshGrant, getRefreshGrant } from '../../utils/storage/refresh-grant';
import { getServerSetting } from '../../utils/storage/settings';
import { clearUserCaches } from '../../utils/storage/user-caches';
import { establishSession, type SessionKeeper } from './session-keeper';
import { toFailure } from './to-failure';

export interface AuthDeps {
  api: Pick<ApiClient, 'login' | 'verify2fa' | 'logout'>;
  keeper: Pick<SessionKeeper, 'session' | 'account'>;
}

export async function signIn({ api }: AuthDeps, email: string, password: string): Promise<MessageResponses['sign-in']> {
  try {
    await clearAuthSession();
    await clearRefreshGrant();
    const answer = await api.login(email, password);
    if ('mfaRequired' in answer) {
      await savePendingSecondFactor({ challenge: answer.challenge, email });
      return { ok: true, status: 'mfa-required' };
    }
    await clearUserCaches();
    await establishSession(answer, email, (await getServerSetting()).url);
    return { ok: true, status: 'signed-in' };
  } catch (error) {
    return toFailure(error);
  }
}

export async function verifySecondFactor({ api }: AuthDeps, code: string): Promise<MessageResponses['verify-2fa']> {
  try {
    const pending = await getPendingSecondFactor();
    if (!pending) throw new ApiError('rejected', 'Sign in with your email and password first.');
    const answer = await api.verify2fa(pending.challenge, code);
    await clearUserCaches();
    await establishSession(answer, pending.email, (await getServerSetting()).url);
    return { ok: true, status: 'signed-in' };
  } catch (error) {
    return toFailure(error);
  }
}

/** Revokes the session and its refresh-token family on the server when it can, and forgets both here. */
export async function signOut({ api }: AuthDeps): Promise<MessageResponses['sign-out']> {
  if ((await getAuthSession()) || (await getRefreshGrant())) await api.logout().catch(() => undefined);
  await clearAuthSession();
  await clearRefreshGrant();
  await clearUserCaches();
  return { ok: true };
}

export async function authStatus({ keeper }: AuthDeps): Promise<MessageResponses['auth-status']> {
  const [account, server, pending] = await Promise.all([keeper.account(), getServerSetting(), getPendingSecondFactor()]);
  return {
    ok: true,
    signedIn: !!account,
    ...(account ? { email: account.email } : {}),
    ...(server.url ? { serverUrl: server.url } : {}),
    serverManaged: server.managed,
    pendingSecondFactor: !account && !!pending,
  };
}

/** The cache scope for the signed-in session: server and account, never the token. */
export async function cacheScope({ keeper }: Pick<AuthDeps, 'keeper'>): Promise<string | undefined> {
  const [session, server] = await Promise.all([keeper.session(), getServerSetting()]);
  return session && server.url ? `${server.url}|${session.email.toLowerCase()}` : undefined;
}
