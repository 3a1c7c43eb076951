import { createMiddleware } from 'hono/factory';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { AppEnv } from '../env';
import { tokenFingerprint } from '../lib/crypto/tokens';

const WINDOW_SECONDS = 60;

/**
 * Counts each caller's requests in a 60-second window (Workers Rate Limiting binding):
 * keyed by the credential's fingerprint, or by client address when there is none.
 * Sign-in routes have a stricter limiter of their own.
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const authorization = c.req.header('authorization');
  const caller = authorization
    ? `token:${await tokenFingerprint(authorization)}`
    : `ip:${c.req.header('cf-connecting-ip') ?? 'unknown'}`;
  const signingIn =
    c.req.path.startsWith('/api/v1/auth/') && c.req.method === 'POST' && !authorization;
  const limiter = signingIn ? c.env.SIGN_IN_RATE_LIMITER : c.env.API_RATE_LIMITER;
  const { success } = await limiter.limit({ key: `${c.req.method}:${caller}` });
  if (!success) {
    throw new AppError(ErrorCode.rateLimited, 'Slow down and retry shortly.', {
      retryAfterSeconds: WINDOW_SECONDS,
    });
  }
  await next();
});
