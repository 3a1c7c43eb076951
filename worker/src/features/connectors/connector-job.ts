import { and, eq, isNull, lt } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import { planIncludes } from '../../../../shared/plans';
import { scheduledDatabases } from '../../db/scheduled';
import { erpConnectorCalls, erpConnectors, tenants } from '../../db/schema';
import type { Env } from '../../env';
import { accessLogCutoff } from '../governance/retention-schedule';
import { runPull } from './run-pull';

/** Who a scheduled pull is recorded as (audit actor, `recorded_by` of its lines). */
export const SCHEDULE_ACTOR = 'system:schedule';

/**
 * The hourly Cron step for connectors: the outbound access log keeps 13 months like the
 * inbound one; then every active connector of a tenant whose plan includes connectors (and
 * that has not asked to be deleted) pulls what is new. One failure never stops the others.
 */
export async function connectorJob(env: Env, at: Date): Promise<void> {
  const { globalDb, tenantDbFor } = scheduledDatabases(env);
  const cutoff = accessLogCutoff(at);
  for (const tenant of await globalDb.select(tenants, isNull(tenants.purgeCompletedAt))) {
    const db = tenantDbFor(tenant.id);
    await db.batch([db.delete(erpConnectorCalls, lt(erpConnectorCalls.at, cutoff))]);
    if (!planIncludes(tenant.plan, 'erp-connectors') || tenant.deletionRequestedAt) continue;
    const active = await db.selectFields(
      erpConnectors,
      { id: erpConnectors.id },
      and(eq(erpConnectors.state, 'active'), isNull(erpConnectors.deletedAt)),
    );
    for (const { id } of active) {
      const requestId = `cron_${crypto.randomUUID()}`;
      try {
        const pull = await runPull(
          {
            db,
            env,
            reviewThreshold: tenant.reviewThreshold,
            keepReviewText: tenant.keepReviewText,
            trigger: 'schedule',
            actor: SCHEDULE_ACTOR,
            requestId,
            at,
          },
          id,
        );
        console.info(
          JSON.stringify({
            event: 'connector-pulled',
            tenantId: tenant.id,
            connectorId: id,
            status: pull.status,
            linesNew: pull.linesNew,
            linesDuplicate: pull.linesDuplicate,
          }),
        );
      } catch (error) {
        // A pull already running (or a connector revoked meanwhile) is not a failure.
        if (error instanceof AppError && error.code === 'conflict') continue;
        console.error(
          JSON.stringify({
            event: 'connector-pull-failed',
            requestId,
            tenantId: tenant.id,
            connectorId: id,
            error: (error as Error)?.name,
          }),
        );
      }
    }
  }
}
