import type { DeletionRequest } from '../../../../shared/api/governance';
import type { tenants } from '../../db/schema';
import { DELETION_WINDOW_DAYS, deletionDate } from './retention-schedule';

type TenantRow = typeof tenants.$inferSelect;

export function toDeletionRequest(tenant: TenantRow | undefined): DeletionRequest {
  const requested = tenant?.deletionRequestedAt ?? null;
  return {
    status: tenant?.purgeCompletedAt ? 'purged' : requested ? 'scheduled' : 'none',
    requested_at: requested?.toISOString() ?? null,
    deletion_date: requested ? deletionDate(requested).toISOString() : null,
    retention_days: DELETION_WINDOW_DAYS,
  };
}
