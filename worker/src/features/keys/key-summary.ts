import type { TenantKeyRow } from '../../lib/tenant-key-ring';

/** What the API shows of a key version: never the wrapped key. */
export function toKeySummary(row: TenantKeyRow) {
  return {
    version: row.version,
    kind: row.kind,
    state: row.state,
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
