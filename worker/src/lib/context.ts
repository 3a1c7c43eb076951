import type { Role } from '../../../shared/roles';
import type { GlobalDb } from '../db/global-db';
import type { TenantDb } from '../db/tenant-db';

export interface Principal {
  tenantId: string;
  userId: string;
  role: Role;
  jti: string;
  tokenFingerprint: string;
}

/** Values middleware puts on the Hono context for handlers to read. */
export interface AppVariables {
  requestId: string;
  globalDb: GlobalDb;
  /** Builds the tenant-scoped layer; only `authenticate` calls it, with the verified tenant id. */
  tenantDbFor: (tenantId: string) => TenantDb;
  principal: Principal;
  db: TenantDb;
}
