import { expect } from 'vitest';
import type { ConnectorPullView, ConnectorView } from '../../../../../shared/api/connectors';
import { createTenant, signIn } from '../../../../test/fixtures';
import { sendJson } from '../../../../test/spend-helpers';
import { routeOutboundFetch } from '../../sso/testing/outbound';
import { StubCoupa } from './stub-coupa';

/**
 * A professional tenant whose admin has connected a local Coupa stub. The Worker's outbound
 * fetches go to the stub by host name; any other host fails loudly.
 */
export async function coupaTenant(label: string, plan: 'free' | 'professional' = 'professional') {
  const tenant = await createTenant(label, plan);
  const admin = await signIn(tenant.emails.admin);
  const coupa = new StubCoupa(label);
  const outbound = routeOutboundFetch({ [coupa.host]: coupa.fetch });
  return { tenant, admin, coupa, outbound };
}

export async function connect(admin: string, coupa: StubCoupa, overrides = {}) {
  return sendJson<ConnectorView>(
    admin,
    'POST',
    '/api/v1/connectors',
    coupa.settings(overrides),
    201,
  );
}

export async function pull(admin: string, connectorId: string) {
  const result = await sendJson<ConnectorPullView>(
    admin,
    'POST',
    `/api/v1/connectors/${connectorId}/pull`,
  );
  expect(result.connectorId).toBe(connectorId);
  return result;
}

/** `count` issued orders, one a day from 2 February 2026 (+ `startDay`), one or two lines each. */
export function seedOrders(coupa: StubCoupa, count: number, marker: string, startDay = 0) {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 1, 2 + startDay + i));
    const iso = day.toISOString().slice(0, 10);
    return coupa.addOrder({
      supplier: i % 2 ? 'Office Depot' : 'Dell Technologies',
      createdAt: `${iso}T09:00:00-08:00`,
      updatedAt: `${iso}T10:00:00-08:00`,
      lines:
        i % 2
          ? [{ description: `Copy paper A4 ${marker}`, price: 4.5, quantity: 10, account: '6100' }]
          : [
              { description: `Laptop computer 14 inch ${marker}`, price: 1200, quantity: 1 },
              { description: `USB-C docking station ${marker}`, price: 180, quantity: 2 },
            ],
    });
  });
}

export const linesIn = (orders: { 'order-lines': unknown[] }[]) =>
  orders.reduce((sum, order) => sum + order['order-lines'].length, 0);
