import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { AppError, ErrorCode } from '../../../shared/errors';
import { PLAN_FEATURES, planIncludes, type PlanFeature } from '../../../shared/plans';
import { tenants } from '../db/schema';
import type { AppEnv } from '../env';

/** 403 `plan-required` naming the plan, when the tenant's plan lacks the feature. */
export function requirePlanFeature(feature: PlanFeature) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const tenant = await c.var.globalDb.findOne(tenants, eq(tenants.id, c.var.principal.tenantId));
    if (!tenant || !planIncludes(tenant.plan, feature)) {
      const plan = PLAN_FEATURES[feature];
      throw new AppError(ErrorCode.planRequired, `This needs the ${plan} plan.`, { plan, feature });
    }
    await next();
  });
}
