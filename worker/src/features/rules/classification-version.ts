import { sql } from 'drizzle-orm';
import { classificationVersions } from '../../db/schema';
import type { TenantDb, TenantStatement } from '../../db/tenant-db';

/** The tenant's current rule version (0 before any rule or supplier-factor change). */
export async function currentRuleVersion(db: TenantDb): Promise<number> {
  const row = await db.findOne(classificationVersions, sql`1 = 1`);
  return row?.ruleVersion ?? 0;
}

/** Statements that bump the rule version; put them in the same batch as the change. */
export function bumpRuleVersion(db: TenantDb): TenantStatement[] {
  return [
    db.insertOrIgnore(classificationVersions, { ruleVersion: 0 }),
    db.update(
      classificationVersions,
      { ruleVersion: sql`${classificationVersions.ruleVersion} + 1` as unknown as number },
      sql`1 = 1`,
    ),
  ];
}
