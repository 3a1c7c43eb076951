import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Capability } from '../../../shared/roles';
import { authenticate, requireCapability } from '../middleware/authenticate';

/** Who may call a route: anyone, any signed-in member, or members whose role has a capability. */
export type Access = 'public' | 'member' | Capability;

/**
 * Every route is declared through this, so its access rule is enforced by middleware and
 * published as `x-access` in the OpenAPI document, where the role-matrix test reads it.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(access: Access, config: R) {
  const middleware =
    access === 'public'
      ? []
      : access === 'member'
        ? [authenticate]
        : [authenticate, requireCapability(access)];
  return createRoute({
    ...config,
    middleware,
    'x-access': access,
    ...(access === 'public' ? {} : { security: [{ bearer: [] }] }),
  } as R & { middleware: typeof middleware });
}
