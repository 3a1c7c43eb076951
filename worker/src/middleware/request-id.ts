import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** A fresh id per request, echoed in `X-Request-Id` and in every problem+json body. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = crypto.randomUUID();
  c.set('requestId', id);
  await next();
  c.res.headers.set('X-Request-Id', id);
});
