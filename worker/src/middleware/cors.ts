import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** Only the console and the configured extension may call the API from a browser; never `*` or `null`. */
export const corsAllowList = createMiddleware<AppEnv>((c, next) =>
  cors({
    origin: (origin) =>
      origin && origin !== 'null' && [c.env.CONSOLE_ORIGIN, c.env.EXTENSION_ORIGIN].includes(origin)
        ? origin
        : null,
    allowHeaders: ['Authorization', 'Content-Type', 'X-CSRF-Token'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'X-Content-SHA256'],
    maxAge: 600,
  })(c, next),
);
