import type { EstimateLine, EstimateResult } from '../../../../shared/api/estimates';
import { estimateLines } from '../../../../shared/engine';
import type { TenantDb } from '../../db/tenant-db';
import { hashDescription } from './description-hash';
import { loadTenantContext } from './tenant-context';

export interface TenantEstimates {
  ruleVersion: number;
  results: EstimateResult[];
  /** Keyed description hash of each line, in order. */
  hashes: string[];
}

/** Estimates lines with the tenant's rules and supplier factors, in memory only. */
export async function estimateForTenant(
  db: TenantDb,
  secret: string,
  lines: readonly EstimateLine[],
): Promise<TenantEstimates> {
  const [{ context, ruleVersion }, hashes] = await Promise.all([
    loadTenantContext(db),
    Promise.all(lines.map((line) => hashDescription(secret, db.tenantId, line.description))),
  ]);
  const results = estimateLines(
    lines.map((line, i) => ({ ...line, descriptionHash: hashes[i] })),
    context,
  );
  return { ruleVersion, results, hashes };
}
