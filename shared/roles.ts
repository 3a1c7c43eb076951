/**
 * The capability matrix: which role may do what. The Worker's middleware enforces it route by
 * route, the console hides what a role cannot do, and a test walks every route × role against it.
 */
export const ROLES = ['admin', 'approver', 'analyst', 'buyer', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'estimates:read',
  'dashboard:read',
  'spend:record',
  'spend:upload',
  'review:write',
  'rules:write',
  'factors:write',
  'reports:read',
  'reports:prepare',
  'reports:approve',
  'periods:sign-off',
  'factor-sets:lock',
  'users:manage',
  'keys:manage',
  'sso:manage',
  'data:export',
  'tenant:delete',
  'audit:read',
  'access-log:read',
  'settings:manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const everyone: Capability[] = ['estimates:read', 'dashboard:read'];
/**
 * Reports cover the whole tenant (every team and supplier), so reading them is its own
 * capability: every role that sees tenant-wide figures has it; buyers, who see only their
 * teams' spend, do not.
 */
const tenantWideReader: Capability[] = [...everyone, 'reports:read'];

export const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  admin: new Set<Capability>(CAPABILITIES),
  approver: new Set<Capability>([
    ...tenantWideReader,
    'reports:approve',
    'periods:sign-off',
    'factor-sets:lock',
    'audit:read',
  ]),
  analyst: new Set<Capability>([
    ...tenantWideReader,
    'spend:upload',
    'review:write',
    'rules:write',
    'factors:write',
    'reports:prepare',
  ]),
  buyer: new Set<Capability>([...everyone, 'spend:record']),
  viewer: new Set<Capability>(tenantWideReader),
  auditor: new Set<Capability>([...tenantWideReader, 'audit:read', 'access-log:read']),
};

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].has(capability);
}
