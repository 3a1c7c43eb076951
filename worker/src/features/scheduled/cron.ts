import type { Env } from '../../env';
import { checkpointAllTenants } from '../audit/checkpoint-job';
import { enforceAuditRetention } from '../audit/retention-job';
import { backupAllTenants } from '../backups/backup-job';
import { connectorJob } from '../connectors/connector-job';
import { governanceJob } from '../governance/governance-job';
import { resumeStalledImports } from '../imports/stalled-imports';
import { deliverAllTenants } from '../mail/delivery';
import { purgeExpiredReviewText } from '../review/review-text';

export type ScheduledJob = (env: Env, now: Date) => Promise<void>;

/** The Cron triggers of wrangler.toml. */
export const HOURLY = '17 * * * *';
export const NIGHTLY = '40 2 * * *';

/** Jobs each Cron trigger runs; each feature adds its own (retention, checkpoints …). */
export const scheduledJobs: Record<string, ScheduledJob[]> = {
  [HOURLY]: [
    checkpointAllTenants,
    governanceJob,
    deliverAllTenants,
    enforceAuditRetention,
    connectorJob,
    resumeStalledImports,
    purgeExpiredReviewText,
  ],
  [NIGHTLY]: [backupAllTenants],
};

export async function runScheduled(env: Env, now: Date, cron = HOURLY): Promise<void> {
  const jobs = scheduledJobs[cron];
  if (!jobs) {
    console.error(JSON.stringify({ event: 'scheduled-unknown-cron', cron }));
    return;
  }
  const results = await Promise.allSettled(jobs.map((job) => job(env, now)));
  for (const result of results) {
    if (result.status === 'rejected') {
      console.error(
        JSON.stringify({ event: 'scheduled-job-failed', error: String(result.reason) }),
      );
    }
  }
}
