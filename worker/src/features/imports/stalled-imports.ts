import { and, inArray, isNull, lt } from 'drizzle-orm';
import { scheduledDatabases } from '../../db/scheduled';
import { imports, tenants } from '../../db/schema';
import type { Env } from '../../env';
import { send } from './import-job';
import { STALLED_AFTER_MS } from './import-message';

/**
 * Hourly: a queued or running job that made no progress for STALLED_AFTER_MS lost its chain
 * (a message dropped after its retries, a send that failed after a commit). Send its next step
 * again; a copy racing a live chain is harmless, the chunk marker lets one of them land.
 */
export async function resumeStalledImports(env: Env, now: Date): Promise<void> {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  const cutoff = new Date(now.getTime() - STALLED_AFTER_MS);
  for (const tenant of await globalDb.select(tenants, isNull(tenants.purgeCompletedAt))) {
    const stalled = await tenantDbFor(tenant.id).select(
      imports,
      and(inArray(imports.status, ['queued', 'running']), lt(imports.updatedAt, cutoff)),
    );
    for (const job of stalled) {
      if (job.cursorPart >= job.parts) continue;
      await send(env, {
        tenantId: tenant.id,
        importId: job.id,
        part: job.cursorPart,
        firstRow: job.cursorRow,
      });
      console.info(JSON.stringify({ event: 'import-stall-resumed', importId: job.id }));
    }
  }
}
