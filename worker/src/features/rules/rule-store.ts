import type { z } from 'zod';
import type { Rule } from '../../../../shared/api/rules';
import { tenantRules, tenantRuleVersions } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';
import { bumpRuleVersion } from './classification-version';
import { naicsTitle } from './naics-titles';

export type RuleRow = typeof tenantRules.$inferSelect;

export function toRule(row: RuleRow): z.infer<typeof Rule> {
  return {
    id: row.id,
    kind: row.kind,
    match: row.match,
    naics: row.naics,
    naicsTitle: naicsTitle(row.naics) ?? '',
    enabled: row.enabled,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Audit-safe view of a rule: a description-hash rule's match is a hash, never text. */
export function auditedRule(row: RuleRow) {
  return {
    kind: row.kind,
    match: row.match,
    naics: row.naics,
    enabled: row.enabled,
    version: row.version,
  };
}

/** Statements that create a rule: the row, its first history version, the version bump. */
export function createRuleStatements(
  db: TenantDb,
  row: Omit<RuleRow, 'tenantId'>,
): TenantStatement[] {
  return [db.insert(tenantRules, row), historyRow(db, row), ...bumpRuleVersion(db)];
}

export function historyRow(db: TenantDb, row: Omit<RuleRow, 'tenantId'>): TenantStatement {
  return db.insert(tenantRuleVersions, {
    ruleId: row.id,
    version: row.version,
    kind: row.kind,
    match: row.match,
    naics: row.naics,
    enabled: row.enabled,
    changedAt: row.updatedAt,
    changedBy: row.updatedBy,
  });
}

export function newRuleRow(
  fields: Pick<RuleRow, 'kind' | 'match' | 'naics'>,
  actor: string,
  at: Date,
): Omit<RuleRow, 'tenantId'> {
  return {
    id: `rule_${crypto.randomUUID()}`,
    ...fields,
    enabled: true,
    version: 1,
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    updatedBy: actor,
  };
}
