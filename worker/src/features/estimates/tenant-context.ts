import { eq } from 'drizzle-orm';
import type { SupplierFactor, TenantContext, TenantRule } from '../../../../shared/engine';
import { supplierFactors, tenantRules } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { currentRuleVersion } from '../rules/classification-version';

export interface LoadedTenantContext {
  context: TenantContext;
  ruleVersion: number;
}

/** The tenant's enabled rules, supplier factors and rule version, for the engine. */
export async function loadTenantContext(db: TenantDb): Promise<LoadedTenantContext> {
  const [rules, factors, ruleVersion] = await Promise.all([
    db.select(tenantRules, eq(tenantRules.enabled, true)),
    db.select(supplierFactors),
    currentRuleVersion(db),
  ]);
  return {
    ruleVersion,
    context: {
      rules: rules.map((r): TenantRule => ({
        id: r.id,
        version: r.version,
        kind: r.kind,
        match: r.match,
        naics: r.naics,
        enabled: r.enabled,
      })),
      supplierFactors: factors.map((f): SupplierFactor => ({
        id: f.id,
        version: f.version,
        supplier: f.supplier,
        validFrom: f.validFrom,
        source: f.source,
        ...(f.kgPerUsd !== null ? { kgPerUsd: f.kgPerUsd } : {}),
        ...(f.kgPerUnit !== null ? { kgPerUnit: f.kgPerUnit } : {}),
        ...(f.unit !== null ? { unit: f.unit } : {}),
        ...(f.validTo !== null ? { validTo: f.validTo } : {}),
      })),
    },
  };
}
