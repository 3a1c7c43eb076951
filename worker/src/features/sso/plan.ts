import { eq } from 'drizzle-orm';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { PLAN_FEATURES, planIncludes } from '../../../../shared/plans';
import type { GlobalDb } from '../../db/global-db';
import { tenants } from '../../db/schema';

/** Sign-in routes are public, so the plan gate of defineRoute cannot run there: this does. */
export async function assertSsoPlan(globalDb: GlobalDb, tenantId: string): Promise<void> {
  const tenant = await globalDb.findOne(tenants, eq(tenants.id, tenantId));
  if (!tenant || !planIncludes(tenant.plan, 'sso')) {
    const plan = PLAN_FEATURES.sso;
    throw new AppError(ErrorCode.planRequired, `This needs the ${plan} plan.`, {
      plan,
      feature: 'sso',
    });
  }
}
