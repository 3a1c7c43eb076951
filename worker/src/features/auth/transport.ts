import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { sha256 } from '../../lib/crypto/digest';
import { toBase64Url } from '../../lib/crypto/encoding';
import { SESSION_TTL_SECONDS } from './session-token';

/** The console's session cookie: HttpOnly, Secure, SameSite=Strict, host-only. */
export const SESSION_COOKIE = '__Host-sp_session';

export type SessionTransport = 'bearer' | 'cookie';

/**
 * The console's CSRF token is derived from its session token, so it needs no storage and
 * cannot be guessed without the HttpOnly cookie it comes from.
 */
export async function csrfTokenFor(sessionToken: string): Promise<string> {
  return toBase64Url(await sha256(`csrf:${sessionToken}`)).slice(0, 32);
}

/** Bearer callers get the token; the console gets a cookie and the CSRF token instead. */
export async function deliverSession(
  c: Context,
  session: { token: string; expiresAt: string },
  transport: SessionTransport,
) {
  if (transport === 'bearer') return session;
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_TTL_SECONDS,
  });
  return { expiresAt: session.expiresAt, csrfToken: await csrfTokenFor(session.token) };
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}
