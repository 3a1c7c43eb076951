import type { Context } from 'hono';
import { scheduledDatabases } from '../../db/scheduled';
import { tenants } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import type { AppEnv, Env } from '../../env';
import { now } from '../../lib/clock';
import { mailSenderFor } from './mail-sender';
import { deliverPending } from './outbox';

/** Sends the request's queued mail after the response, when a sender is configured. */
export function deliverAfterResponse(c: Context<AppEnv>, db: TenantDb): void {
  const sender = mailSenderFor(c.env);
  if (!sender) return;
  c.executionCtx.waitUntil(
    deliverPending(db, c.env.DATA_SEALING_SECRET, sender, now(c)).catch(() => undefined),
  );
}

/** Cron: retries whatever an earlier delivery could not send. */
export async function deliverAllTenants(env: Env, at: Date): Promise<void> {
  const sender = mailSenderFor(env);
  if (!sender) return;
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  for (const tenant of await globalDb.select(tenants)) {
    await deliverPending(tenantDbFor(tenant.id), env.DATA_SEALING_SECRET, sender, at);
  }
}
