import { REVIEW_TEXT_DAYS } from '../review/review-text';

/** How long each class of data is kept, and what enforces it. Served by GET /governance/retention. */
export const ACCESS_LOG_MONTHS = 13;
export const DELETION_WINDOW_DAYS = 30;

export const RETENTION_SCHEDULE = [
  {
    data: 'Emission data (spend lines, estimates, review items, rules, factors)',
    kept: 'subscription + 90 days',
    enforcement: 'deleted with the tenant by the deletion purge',
  },
  {
    data: 'Review text (line descriptions; only if the tenant opts in, sealed under its key)',
    kept: `${REVIEW_TEXT_DAYS} days, or until the item is resolved or the setting turned off`,
    enforcement:
      'hourly Cron job erases expired text, and the API never returns it after expiry; ' +
      'revoking the key version makes it unreadable',
  },
  {
    data: 'Calculation ledger and audit log',
    kept: '7 years',
    enforcement:
      'database triggers refuse deletion before 7 years; the hourly Cron job then signs a ' +
      'checkpoint at the last old row and deletes the older rows; a completed tenant deletion removes them',
  },
  {
    data: 'User accounts and memberships',
    kept: 'account lifetime + 30 days',
    enforcement: 'memberships deleted by the tenant purge at the end of the 30-day window',
  },
  {
    data: 'Access log (API calls and ERP connector calls: time, token fingerprint, scope)',
    kept: `${ACCESS_LOG_MONTHS} months`,
    enforcement: 'hourly Cron job deletes older rows',
  },
  {
    data: 'Tenant exports and backups (encrypted in R2)',
    kept: '30 days (backups); exports until the tenant is deleted',
    enforcement: 'R2 objects and their wrapped keys are deleted by the tenant purge',
  },
  {
    data: 'Deletion request',
    kept: `${DELETION_WINDOW_DAYS}-day cancellable window, then purge`,
    enforcement: 'hourly Cron job purges rows, R2 objects and destroys the tenant keys',
  },
] as const;

export function accessLogCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - ACCESS_LOG_MONTHS);
  return cutoff;
}

export function deletionDate(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + DELETION_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}
