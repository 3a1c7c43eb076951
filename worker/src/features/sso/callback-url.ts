import type { Context } from 'hono';

export const CALLBACK_PATH = '/api/v1/auth/sso/callback';

/** The redirect URI registered at the provider: this Worker's own callback. */
export function callbackUrl(c: Context): string {
  return new URL(CALLBACK_PATH, c.req.url).href;
}
