import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import type { SignInContext } from './sign-in';

/** What issuing a session in `tenantId` needs from the request. */
export function signInContext(c: Context<AppEnv>, tenantId: string): SignInContext {
  return {
    globalDb: c.var.globalDb,
    db: c.var.tenantDbFor(tenantId),
    signingJwk: c.env.SESSION_SIGNING_JWK,
    requestId: c.var.requestId,
    personal: {
      ip: c.req.header('cf-connecting-ip') ?? null,
      userAgent: c.req.header('user-agent') ?? null,
    },
  };
}
