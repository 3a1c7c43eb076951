import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectorView } from '../../../../shared/api/connectors';
import { createTenant, signIn } from '../../../test/fixtures';
import { json } from '../../../test/http';
import { auditActions, rowCount, send, sendJson } from '../../../test/spend-helpers';
import { createDatabase } from '../../db/client';
import { TenantDb } from '../../db/tenant-db';
import { revokeKeyVersion } from '../../lib/tenant-key-ring';
import { coupaTenant, connect, pull, seedOrders } from './testing/connector-fixture';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Audit actions besides the sign-ins the fixtures make. */
async function changes(tenantId: string) {
  return (await auditActions(tenantId)).filter((action) => !action.startsWith('session.'));
}

async function storedConnector(id: string) {
  return env.DB.prepare('SELECT * FROM erp_connectors WHERE id = ?')
    .bind(id)
    .first<Record<string, unknown>>();
}

describe('ERP connector settings', () => {
  it('connects Coupa with its secret sealed under the tenant key and never shown', async () => {
    const { tenant, admin, coupa } = await coupaTenant('conn-create');
    const response = await send(admin, 'POST', '/api/v1/connectors', coupa.settings());
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain(coupa.clientSecret);
    const created = JSON.parse(text) as ConnectorView;
    expect(created).toMatchObject({
      kind: 'coupa',
      baseUrl: coupa.baseUrl,
      clientId: coupa.clientId,
      scopes: ['core.purchase_order.read'],
      clientSecretSet: true,
      state: 'active',
      since: '2026-01-01',
      cursor: null,
      lastPull: null,
    });
    expect(created.allowList).toEqual([
      { operation: 'token', method: 'POST', target: `${coupa.baseUrl}/oauth2/token` },
      {
        operation: 'list-purchase-orders',
        method: 'GET',
        target: `${coupa.baseUrl}/api/purchase_orders`,
      },
    ]);

    const row = await storedConnector(created.id);
    expect(String(row!.client_secret_sealed)).toMatch(/^tk1\.1\./);
    expect(JSON.stringify(row)).not.toContain(coupa.clientSecret);
    expect(await rowCount('tenant_keys', tenant.id)).toBe(1);
    expect(await changes(tenant.id)).toEqual(['key.create', 'connector.create']);

    const list = await sendJson<{ connectors: ConnectorView[] }>(
      admin,
      'GET',
      '/api/v1/connectors',
    );
    expect(list.connectors.map((c) => c.id)).toEqual([created.id]);
    // The tenant's own export redacts sealed columns.
    expect(JSON.stringify(list)).not.toContain('tk1.');
  });

  it('refuses settings that would send the secret elsewhere or ask for more than reads', async () => {
    const { tenant, admin, coupa } = await coupaTenant('conn-invalid');
    const cases: [Record<string, unknown>, string][] = [
      [{ baseUrl: `http://${coupa.host}` }, 'baseUrl'],
      [{ baseUrl: 'https://erp.evil.example' }, 'baseUrl'],
      [{ baseUrl: `${coupa.baseUrl}/api` }, 'baseUrl'],
      [{ baseUrl: `https://user:pw@${coupa.host}` }, 'baseUrl'],
      [{ tokenUrl: 'https://login.evil.example/oauth2/token' }, 'tokenUrl'],
      [{ tokenUrl: `${coupa.baseUrl}/oauth2/token?x=1` }, 'tokenUrl'],
      [{ scopes: ['core.purchase_order.read', 'core.purchase_order.write'] }, 'scopes'],
      [{ scopes: ['core.common.read'] }, 'scopes'],
      [{ scopes: [] }, 'scopes'],
      [{ clientSecret: '' }, 'clientSecret'],
      [{ clientId: undefined }, 'clientId'],
      [{ kind: 'sap' }, 'kind'],
      [{ since: '2026-02-30' }, 'since'],
    ];
    for (const [override, field] of cases) {
      const response = await send(admin, 'POST', '/api/v1/connectors', coupa.settings(override));
      const where = JSON.stringify(override);
      expect(response.status, where).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json<{ errors: { path: string }[] }>(response);
      expect(
        problem.errors.map((e) => e.path),
        where,
      ).toContain(field);
    }
    expect(await rowCount('erp_connectors', tenant.id)).toBe(0);
    expect(await changes(tenant.id)).toEqual([]);
  });

  it('connects one instance once', async () => {
    const { admin, coupa } = await coupaTenant('conn-twice');
    await connect(admin, coupa);
    const again = await send(admin, 'POST', '/api/v1/connectors', coupa.settings());
    expect(again.status).toBe(409);
  });

  it('needs the professional plan and the settings:manage capability', async () => {
    const free = await coupaTenant('conn-free', 'free');
    const refused = await send(free.admin, 'POST', '/api/v1/connectors', free.coupa.settings());
    expect(refused.status).toBe(403);
    expect((await json(refused)).type).toMatch(/plan-required$/);

    const { tenant, coupa } = await coupaTenant('conn-roles');
    for (const role of ['analyst', 'auditor', 'buyer'] as const) {
      const token = await signIn(tenant.emails[role]);
      const response = await send(token, 'POST', '/api/v1/connectors', coupa.settings());
      expect(response.status, role).toBe(403);
    }
  });
});

describe('revoking a connector', () => {
  it('erases the secret and token at once and stops every pull', async () => {
    const { tenant, admin, coupa } = await coupaTenant('conn-revoke');
    seedOrders(coupa, 2, 'revoke');
    const connector = await connect(admin, coupa);
    await pull(admin, connector.id);
    expect((await storedConnector(connector.id))!.access_token_sealed).toMatch(/^tk1\./);

    const revoked = await sendJson<ConnectorView>(
      admin,
      'POST',
      `/api/v1/connectors/${connector.id}/revoke`,
    );
    expect(revoked).toMatchObject({ state: 'revoked', clientSecretSet: false });
    expect(revoked.revokedAt).not.toBeNull();
    const row = await storedConnector(connector.id);
    expect(row).toMatchObject({
      state: 'revoked',
      client_secret_sealed: null,
      access_token_sealed: null,
      access_token_expires_at: null,
    });

    const requests = coupa.received.length;
    const refused = await send(admin, 'POST', `/api/v1/connectors/${connector.id}/pull`);
    expect(refused.status).toBe(409);
    expect((await json(refused)).detail).toMatch(/revoked/);
    expect(coupa.received).toHaveLength(requests);

    // Revoking again changes nothing and writes nothing.
    await sendJson(admin, 'POST', `/api/v1/connectors/${connector.id}/revoke`);
    expect((await auditActions(tenant.id)).filter((a) => a === 'connector.revoke')).toHaveLength(1);
    // Connecting the instance again is allowed once the old connector is revoked.
    await connect(admin, coupa);
  });

  it('deleting removes it from the list; its pulls and calls stay readable', async () => {
    const { tenant, admin, coupa } = await coupaTenant('conn-delete');
    seedOrders(coupa, 1, 'delete');
    const connector = await connect(admin, coupa);
    await pull(admin, connector.id);
    const deleted = await send(admin, 'DELETE', `/api/v1/connectors/${connector.id}`);
    expect(deleted.status).toBe(204);
    expect((await storedConnector(connector.id))!.client_secret_sealed).toBeNull();
    const list = await sendJson<{ connectors: ConnectorView[] }>(
      admin,
      'GET',
      '/api/v1/connectors',
    );
    expect(list.connectors).toEqual([]);
    const view = await sendJson<ConnectorView>(admin, 'GET', `/api/v1/connectors/${connector.id}`);
    expect(view.state).toBe('deleted');
    const calls = await sendJson<{ total: number }>(
      admin,
      'GET',
      `/api/v1/connectors/${connector.id}/calls`,
    );
    expect(calls.total).toBe(2);
    expect((await send(admin, 'POST', `/api/v1/connectors/${connector.id}/pull`)).status).toBe(409);
    expect(await auditActions(tenant.id)).toContain('connector.delete');
  });

  it("cannot pull once the tenant's key is revoked, and says to connect again", async () => {
    const { tenant, admin, coupa } = await coupaTenant('conn-key-revoked');
    const connector = await connect(admin, coupa);
    const db = new TenantDb(createDatabase(env.DB), tenant.id);
    await db.batch([revokeKeyVersion(db, 1, new Date())]);
    const result = await pull(admin, connector.id);
    expect(result.status).toBe('failed');
    expect(result.errors[0]).toMatch(/client secret cannot be opened.*connect again/);
    expect(coupa.received).toEqual([]);
  });
});

describe('another tenant', () => {
  it('sees none of the connectors and can neither pull, revoke nor read their calls', async () => {
    const acme = await coupaTenant('conn-acme');
    seedOrders(acme.coupa, 2, 'acme');
    const connector = await connect(acme.admin, acme.coupa);
    await pull(acme.admin, connector.id);
    const before = JSON.stringify(await storedConnector(connector.id));

    const bright = await createTenant('conn-bright', 'professional');
    const brightAdmin = await signIn(bright.emails.admin);
    const list = await sendJson<{ connectors: unknown[] }>(
      brightAdmin,
      'GET',
      '/api/v1/connectors',
    );
    expect(list.connectors).toEqual([]);
    const attempts: [string, string][] = [
      ['GET', ''],
      ['GET', '/pulls'],
      ['GET', '/calls'],
      ['POST', '/pull'],
      ['POST', '/revoke'],
      ['DELETE', ''],
    ];
    for (const [method, suffix] of attempts) {
      const response = await send(
        brightAdmin,
        method,
        `/api/v1/connectors/${connector.id}${suffix}`,
      );
      expect(response.status, `${method} ${suffix}`).toBe(404);
      expect(await response.text()).not.toContain(acme.coupa.host);
    }
    expect(JSON.stringify(await storedConnector(connector.id))).toBe(before);
    expect(acme.coupa.tokenRequests).toHaveLength(1);
  });
});
