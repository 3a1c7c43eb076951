import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { createDatabase } from './client';
import { GlobalDb } from './global-db';
import { TenantDb } from './tenant-db';

/** Puts the data layers on the context; `authenticate` picks the tenant-scoped one. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  const raw = createDatabase(c.env.DB);
  c.set('globalDb', new GlobalDb(raw));
  c.set('tenantDbFor', (tenantId: string) => new TenantDb(raw, tenantId));
  await next();
});
