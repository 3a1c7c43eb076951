import type { ApiClient } from '../../utils/api/api-client';
import { ApiError } from '../../utils/api/api-error';
import { clearEstimateCache } from '../../utils/estimate-cache';
import type { MessageResponses } from '../../utils/messaging';
import {
  clearAuthSession,
  getAuthSession,
  getPendingSecondFactor,
  saveAuthSession,
  savePendingSecondFactor,
} from '../../utils/storage/auth-session';
import { getServerSetting } from '../../utils/storage/settings';
import { toFailure } from './to-failure';

type AuthApi = Pick<ApiClient, 'login' | 'verify2fa' | 'logout'>;

const expiry = (value: string | number) => (typeof value === 'number' ? new Date(value * (value < 1e12 ? 1000 : 1)).toISOString() : value);

export async function signIn(api: AuthApi, email: string, password: string): Promise<MessageResponses['sign-in']> {
  try {
    await clearAuthSession();
    const answer = await api.login(email, password);
    if ('mfaRequired' in answer) {
      await savePendingSecondFactor({ challenge: answer.challenge, email });
      return { ok: true, status: 'mfa-required' };
    }
    await clearEstimateCache();
    await saveAuthSession({ token: answer.token, expiresAt: expiry(answer.expiresAt), email });
    return { ok: true, status: 'signed-in' };
  } catch (error) {
    return toFailure(error);
  }
}

export async function verifySecondFactor(api: AuthApi, code: string): Promise<MessageResponses['verify-2fa']> {
  try {
    const pending = await getPendingSecondFactor();
    if (!pending) throw new ApiError('rejected', 'Sign in with your email and password first.');
    const answer = await api.verify2fa(pending.challenge, code);
    await clearEstimateCache();
    await saveAuthSession({ token: answer.token, expiresAt: expiry(answer.expiresAt), email: pending.email });
    return { ok: true, status: 'signed-in' };
  } catch (error) {
    return toFailure(error);
  }
}

export async function signOut(api: AuthApi): Promise<MessageResponses['sign-out']> {
  if (await getAuthSession()) await api.logout().catch(() => undefined); // revoke server-side when possible
  await clearAuthSession();
  await clearEstimateCache();
  return { ok: true };
}

export async function authStatus(): Promise<MessageResponses['auth-status']> {
  const [session, server, pending] = await Promise.all([getAuthSession(), getServerSetting(), getPendingSecondFactor()]);
  return {
    ok: true,
    signedIn: !!session,
    ...(session ? { email: session.email } : {}),
    ...(server.url ? { serverUrl: server.url } : {}),
    serverManaged: server.managed,
    pendingSecondFactor: !session && !!pending,
  };
}

/** The cache scope for the signed-in session: server and account, never the token. */
export async function cacheScope(): Promise<string | undefined> {
  const [session, server] = await Promise.all([getAuthSession(), getServerSetting()]);
  return session && server.url ? `${server.url}|${session.email.toLowerCase()}` : undefined;
}
