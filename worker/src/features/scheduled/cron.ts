import type { Env } from '../../env';
import { checkpointAllTenants } from '../audit/checkpoint-job';
import { governanceJob } from '../governance/governance-job';
import { resumeStalledImports } from '../imports/stalled-imports';

export type ScheduledJob = (env: Env, now: Date) => Promise<void>;

/** Jobs the hourly Cron trigger runs; each feature adds its own (retention, checkpoints …). */
export const scheduledJobs: ScheduledJob[] = [
  checkpointAllTenants,
  governanceJob,
  resumeStalledImports,
];

export async function runScheduled(env: Env, now: Date): Promise<void> {
  const results = await Promise.allSettled(scheduledJobs.map((job) => job(env, now)));
  for (const result of results) {
    if (result.status === 'rejected') {
      console.error(
        JSON.stringify({ event: 'scheduled-job-failed', error: String(result.reason) }),
      );
    }
  }
}
