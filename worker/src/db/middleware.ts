import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { createDatabase } from './client';
import { GlobalDb } from './global-db';

/** Puts the global-table layer on the context; auth adds the tenant-scoped one (`c.var.db`). */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  c.set('globalDb', new GlobalDb(createDatabase(c.env.DB)));
  await next();
});
