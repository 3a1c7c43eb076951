import type { Capability, Role } from '../../../shared/roles';
import type { GlobalDb } from '../db/global-db';
import type { TenantDb } from '../db/tenant-db';

export interface Principal {
  tenantId: string;
  userId: string;
  role: Role;
  jti: string;
  tokenFingerprint: string;
  /** Set for API keys: the only capabilities the credential has, whatever `role` says. */
  scopes?: readonly Capability[];
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
