import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Capability } from '../../../shared/roles';
import type { PlanFeature } from '../../../shared/plans';
import { authenticate, requireCapability } from '../middleware/authenticate';
import { requirePlanFeature } from '../middleware/plan';

/** Who may call a route: anyone, any signed-in member, or members whose role has a capability. */
export type Access = 'public' | 'member' | Capability;

/**
 * Every route is declared through this, so its access rule is enforced by middleware and
 * published as `x-access` in the OpenAPI document, where the role-matrix test reads it.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(
  access: Access,
  config: R,
  options: { planFeature?: PlanFeature; afterAccess?: MiddlewareHandler[] } = {},
) {
  const middleware: MiddlewareHandler[] =
    access === 'public'
      ? []
      : access === 'member'
        ? [authenticate]
        : [authenticate, requireCapability(access)];
  if (options.planFeature) middleware.push(requirePlanFeature(options.planFeature));
  middleware.push(...(options.afterAccess ?? []));
  return createRoute({
    ...config,
    middleware,
    'x-access': access,
    ...(options.planFeature ? { 'x-plan-feature': options.planFeature } : {}),
    ...(access === 'public' ? {} : { security: [{ bearer: [] }] }),
  } as R & { middleware: typeof middleware });
}
