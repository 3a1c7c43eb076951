import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { constantTimeEqualStrings } from '../../lib/crypto/encoding';
import { LOGIN_REQUEST_TTL_MS } from './login-requests';

/**
 * Binds a console sign-in to the browser that started it (against login CSRF): the state also
 * rides in an HttpOnly cookie, Lax so that the provider's top-level redirect carries it back.
 */
const BINDING_COOKIE = '__Host-sp_sso';

export function bindToBrowser(c: Context, state: string): void {
  setCookie(c, BINDING_COOKIE, state, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: LOGIN_REQUEST_TTL_MS / 1000,
  });
}

export function startedInThisBrowser(c: Context, state: string): boolean {
  const bound = getCookie(c, BINDING_COOKIE);
  deleteCookie(c, BINDING_COOKIE, { path: '/', secure: true });
  return bound !== undefined && constantTimeEqualStrings(bound, state);
}
