import { can, type Capability, type Role } from '../../../shared/roles';
import type { Operations } from './api';

export interface NavItem {
  route: string;
  label: string;
  /** What the role needs (from shared/roles.ts); undefined: every signed-in member. */
  capability?: Capability;
  /** The API operation the page needs; the item is hidden until the Worker offers it. */
  needs?: { path: string; method: string };
}

export const NAV_ITEMS: NavItem[] = [
  { route: '/', label: 'Dashboard', capability: 'dashboard:read' },
  {
    route: '/spend',
    label: 'Spend lines',
    capability: 'dashboard:read',
    needs: { path: '/spend/lines', method: 'get' },
  },
  {
    route: '/review',
    label: 'Review queue',
    capability: 'review:write',
    needs: { path: '/review', method: 'get' },
  },
  {
    route: '/rules',
    label: 'Rules',
    capability: 'rules:write',
    needs: { path: '/rules', method: 'get' },
  },
  {
    route: '/supplier-factors',
    label: 'Supplier factors',
    capability: 'factors:write',
    needs: { path: '/supplier-factors', method: 'get' },
  },
  {
    route: '/periods',
    label: 'Periods',
    capability: 'dashboard:read',
    needs: { path: '/periods', method: 'get' },
  },
  {
    route: '/reports',
    label: 'Reports',
    capability: 'reports:read',
    needs: { path: '/reports', method: 'get' },
  },
  {
    route: '/import',
    label: 'Import spend',
    capability: 'spend:upload',
    needs: { path: '/imports', method: 'post' },
  },
  {
    route: '/members',
    label: 'Users and teams',
    capability: 'users:manage',
    needs: { path: '/members', method: 'get' },
  },
  {
    route: '/audit',
    label: 'Audit log',
    capability: 'audit:read',
    needs: { path: '/audit', method: 'get' },
  },
  {
    route: '/access-log',
    label: 'Access log',
    capability: 'access-log:read',
    needs: { path: '/access-log', method: 'get' },
  },
  {
    route: '/api-keys',
    label: 'API keys',
    capability: 'keys:manage',
    needs: { path: '/api-keys', method: 'get' },
  },
  {
    route: '/keys',
    label: 'Encryption keys',
    capability: 'keys:manage',
    needs: { path: '/keys', method: 'get' },
  },
  {
    route: '/sso',
    label: 'Single sign-on',
    capability: 'sso:manage',
    needs: { path: '/sso', method: 'get' },
  },
  {
    route: '/governance',
    label: 'Governance',
    capability: 'data:export',
    needs: { path: '/governance/export', method: 'get' },
  },
  {
    route: '/mailbox',
    label: 'Dev mailbox',
    capability: 'users:manage',
    needs: { path: '/dev/mailbox', method: 'get' },
  },
  {
    route: '/connectors',
    label: 'ERP connectors',
    capability: 'settings:manage',
    needs: { path: '/connectors', method: 'get' },
  },
  { route: '/security', label: 'Two-factor sign-in' },
];

export function offers(operations: Operations, path: string, method = 'get'): boolean {
  return operations.get(path)?.has(method) ?? false;
}

/** The navigation a role may see: capability allowed and the API present. */
export function visibleNav(role: Role, operations: Operations): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.capability || can(role, item.capability)) &&
      (!item.needs || offers(operations, item.needs.path, item.needs.method)),
  );
}

export function allowedRoute(role: Role, operations: Operations, route: string): boolean {
  const item = NAV_ITEMS.find((candidate) => candidate.route === route);
  return !item || visibleNav(role, operations).includes(item);
}
