import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  ConnectorCallView,
  ConnectorPullView,
  ConnectorView,
} from '../../../../shared/api/connectors';
import { signIn } from '../../../test/fixtures';
import {
  auditActions,
  captureLogs,
  everythingStored,
  send,
  sendJson,
} from '../../../test/spend-helpers';
import { tokenFingerprint } from '../../lib/crypto/tokens';
import { connectorJob, SCHEDULE_ACTOR } from './connector-job';
import { coupaConnector } from './coupa/coupa-connector';
import { coupaTenant, connect, linesIn, pull, seedOrders } from './testing/connector-fixture';

afterEach(() => {
  vi.restoreAllMocks();
});

async function erpLines(tenantId: string) {
  const rows = await env.DB.prepare(
    "SELECT erp_line_id, recorded_by, amount, currency, supplier, gl_account FROM spend_lines WHERE tenant_id = ? AND source = 'erp' ORDER BY erp_line_id",
  )
    .bind(tenantId)
    .all<{
      erp_line_id: string;
      recorded_by: string;
      amount: number;
      currency: string;
      supplier: string;
      gl_account: string | null;
    }>();
  return rows.results;
}

async function callsOf(token: string, connectorId: string) {
  const page = await sendJson<{ calls: ConnectorCallView[]; total: number }>(
    token,
    'GET',
    `/api/v1/connectors/${connectorId}/calls?limit=200`,
  );
  return page.calls.slice().reverse();
}

describe('pulling purchase lines from Coupa', () => {
  it('takes a token, pages through new orders, then asks only for what changed', async () => {
    const { tenant, admin, coupa } = await coupaTenant('pull-paging');
    const orders = seedOrders(coupa, 60, 'paging');
    coupa.addOrder({
      supplier: 'Draft Supplies',
      status: 'draft',
      createdAt: '2026-02-10T09:00:00-08:00',
      updatedAt: '2026-02-10T09:30:00-08:00',
      lines: [{ description: 'Not yet ordered', price: 10, quantity: 1 }],
    });
    const connector = await connect(admin, coupa);

    const first = await pull(admin, connector.id);
    expect(first).toMatchObject({
      status: 'ok',
      trigger: 'manual',
      documents: 60,
      linesNew: linesIn(orders),
      linesDuplicate: 0,
      linesSkipped: 0,
      more: false,
    });
    expect(coupa.tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(coupa.tokenRequests[0]!)).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'core.purchase_order.read',
      client_id: coupa.clientId,
    });
    const [page1, page2] = coupa.listRequests.map((url) => url.searchParams);
    expect(Object.fromEntries(page1!)).toMatchObject({
      'status[in]': 'issued,closed',
      'updated_at[gt]': '2026-01-01',
      order_by: 'updated_at',
      dir: 'asc',
      limit: '50',
      offset: '0',
    });
    expect(page2!.get('offset')).toBe('50');

    const stored = await erpLines(tenant.id);
    expect(stored).toHaveLength(linesIn(orders));
    const firstOrder = orders[0]!;
    expect(stored.find((line) => line.erp_line_id === `${firstOrder['po-number']}/2`)).toEqual({
      erp_line_id: `${firstOrder['po-number']}/2`,
      recorded_by: tenant.userIds.admin,
      amount: 360,
      currency: 'USD',
      supplier: 'Dell Technologies',
      gl_account: null,
    });
    const afterFirst = await sendJson<ConnectorView>(
      admin,
      'GET',
      `/api/v1/connectors/${connector.id}`,
    );
    expect(afterFirst.cursor).toBe(orders[59]!['updated-at']);
    expect(afterFirst.lastPull).toEqual(first);

    // Nothing new: one request from the cursor, the cached token, nothing recorded.
    const second = await pull(admin, connector.id);
    expect(second).toMatchObject({ status: 'ok', documents: 0, linesNew: 0 });
    expect(coupa.listRequests.at(-1)!.searchParams.get('updated_at[gt]')).toBe(
      orders[59]!['updated-at'],
    );
    expect(coupa.tokenRequests).toHaveLength(1);

    // An order already taken changes, and a new one arrives: only the new lines count.
    orders[3]!['updated-at'] = '2026-06-01T08:00:00-07:00';
    const fresh = coupa.addOrder({
      supplier: 'Staples',
      createdAt: '2026-06-02T09:00:00-07:00',
      updatedAt: '2026-06-02T09:05:00-07:00',
      lines: [
        { description: 'Whiteboard markers', price: 12, quantity: 3, account: '6100' },
        { description: 'Desk chair, ergonomic', price: 350, quantity: 2, account: '6200' },
      ],
    });
    const third = await pull(admin, connector.id);
    expect(third).toMatchObject({ documents: 2, linesNew: 2, linesDuplicate: 1 });
    expect(await erpLines(tenant.id)).toHaveLength(linesIn(orders) + 2);
    const afterThird = await sendJson<ConnectorView>(
      admin,
      'GET',
      `/api/v1/connectors/${connector.id}`,
    );
    expect(afterThird.cursor).toBe(fresh['updated-at']);

    const pulls = await sendJson<{ pulls: ConnectorPullView[] }>(
      admin,
      'GET',
      `/api/v1/connectors/${connector.id}/pulls`,
    );
    expect(pulls.pulls.map((p) => [p.linesNew, p.linesDuplicate])).toEqual([
      [2, 1],
      [0, 0],
      [linesIn(orders), 0],
    ]);
    expect(
      (await auditActions(tenant.id)).filter((action) => action.startsWith('connector.')),
    ).toEqual(['connector.create', 'connector.pull', 'connector.pull', 'connector.pull']);
  });

  it('logs every outbound call with time, token fingerprint, scope, endpoint and status', async () => {
    const { tenant, admin, coupa } = await coupaTenant('pull-access-log');
    seedOrders(coupa, 3, 'log');
    const connector = await connect(admin, coupa);
    const started = Date.now();
    await pull(admin, connector.id);
    const auditor = await signIn(tenant.emails.auditor);
    const calls = await callsOf(auditor, connector.id);
    const fingerprint = await tokenFingerprint(coupa.tokensIssued[0]!);
    expect(calls.map((call) => [call.method, call.endpoint, call.operation, call.status])).toEqual([
      ['POST', `${coupa.baseUrl}/oauth2/token`, 'token', 200],
      ['GET', `${coupa.baseUrl}/api/purchase_orders`, 'list-purchase-orders', 200],
    ]);
    for (const call of calls) {
      expect(call).toMatchObject({
        outcome: 'ok',
        tokenFingerprint: fingerprint,
        scope: 'core.purchase_order.read',
      });
      expect(Date.parse(call.at)).toBeGreaterThanOrEqual(started - 1000);
    }
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(JSON.stringify(calls)).not.toContain(coupa.tokensIssued[0]);

    for (const role of ['analyst', 'buyer', 'viewer'] as const) {
      const token = await signIn(tenant.emails[role]);
      expect((await send(token, 'GET', `/api/v1/connectors/${connector.id}/calls`)).status).toBe(
        403,
      );
    }
  });

  it('replaces a token the ERP no longer accepts, once', async () => {
    const { admin, coupa } = await coupaTenant('pull-401');
    seedOrders(coupa, 1, 'expired');
    const connector = await connect(admin, coupa);
    await pull(admin, connector.id);
    coupa.expireTokens();
    seedOrders(coupa, 2, 'expired-2', 10);
    const again = await pull(admin, connector.id);
    expect(again).toMatchObject({ status: 'ok', documents: 2 });
    expect(coupa.tokenRequests).toHaveLength(2);
    const statuses = (await callsOf(admin, connector.id)).map((c) => [c.operation, c.status]);
    expect(statuses.slice(2)).toEqual([
      ['list-purchase-orders', 401],
      ['token', 200],
      ['list-purchase-orders', 200],
    ]);
  });

  it('stops a connector that strays from its allow-list before anything leaves the Worker', async () => {
    const { tenant, admin, coupa, outbound } = await coupaTenant('pull-stray');
    seedOrders(coupa, 2, 'stray');
    const connector = await connect(admin, coupa);
    for (const path of [
      '/api/users',
      '//evil.example/api/purchase_orders',
      '/api/purchase_orders/',
    ]) {
      vi.spyOn(coupaConnector, 'pullNewLines').mockImplementationOnce(async (read) => {
        await read(path, new URLSearchParams());
        throw new Error('unreachable');
      });
      const result = await pull(admin, connector.id);
      expect(result.status).toBe('failed');
      expect(result.errors[0]).toMatch(/refused: a path the connector does not declare/);
    }
    expect(outbound).not.toHaveBeenCalled();
    expect(coupa.received).toEqual([]);
    const calls = await callsOf(admin, connector.id);
    expect(calls.map((call) => [call.method, call.operation, call.outcome, call.status])).toEqual([
      ['GET', null, 'refused', null],
      ['GET', null, 'refused', null],
      ['GET', null, 'refused', null],
    ]);
    expect(await erpLines(tenant.id)).toEqual([]);
  });

  it('records a refused client as a failed pull, with its call and nothing else', async () => {
    const { tenant, admin, coupa } = await coupaTenant('pull-bad-secret');
    seedOrders(coupa, 2, 'bad-secret');
    const connector = await connect(admin, coupa);
    coupa.clientSecret = 'rotated-at-coupa';
    const result = await pull(admin, connector.id);
    expect(result).toMatchObject({ status: 'failed', linesNew: 0, documents: 0 });
    expect(result.errors).toEqual([
      'the token endpoint refused the client (401): check the client id, secret and scopes',
    ]);
    const [call] = await callsOf(admin, connector.id);
    expect(call).toMatchObject({ operation: 'token', status: 401, outcome: 'http-error' });
    expect(call!.tokenFingerprint).toBeNull();
    expect(await erpLines(tenant.id)).toEqual([]);
    const view = await sendJson<ConnectorView>(admin, 'GET', `/api/v1/connectors/${connector.id}`);
    expect(view).toMatchObject({ state: 'active', cursor: null, lastPull: result });
  });

  it('skips lines dated in a signed-off period, with a reason, and keeps the rest', async () => {
    const { tenant, admin, coupa } = await coupaTenant('pull-locked');
    const orders = seedOrders(coupa, 4, 'locked');
    await env.DB.prepare(
      "INSERT INTO periods (id, tenant_id, name, start_date, end_date, status, created_at) VALUES (?, ?, 'Jan-Feb 3', '2026-01-01', '2026-02-03', 'signed-off', ?)",
    )
      .bind(`per_${crypto.randomUUID()}`, tenant.id, Date.now())
      .run();
    const connector = await connect(admin, coupa);
    const result = await pull(admin, connector.id);
    const lockedLines = linesIn(orders.slice(0, 2));
    expect(result).toMatchObject({
      status: 'ok',
      linesSkipped: lockedLines,
      linesNew: linesIn(orders) - lockedLines,
    });
    expect(result.errors[0]).toBe(
      `PO line ${orders[0]!['po-number']}/1: dated 2026-02-02, in a signed-off period`,
    );
  });

  it('runs on the hourly schedule for active connectors only', async () => {
    const { tenant, admin, coupa } = await coupaTenant('pull-cron');
    const orders = seedOrders(coupa, 3, 'cron');
    const connector = await connect(admin, coupa);
    await connectorJob(env, new Date());
    const pulls = await sendJson<{ pulls: ConnectorPullView[] }>(
      admin,
      'GET',
      `/api/v1/connectors/${connector.id}/pulls`,
    );
    expect(pulls.pulls).toHaveLength(1);
    expect(pulls.pulls[0]).toMatchObject({
      trigger: 'schedule',
      requestedBy: SCHEDULE_ACTOR,
      status: 'ok',
      linesNew: linesIn(orders),
    });
    expect(new Set((await erpLines(tenant.id)).map((line) => line.recorded_by))).toEqual(
      new Set([SCHEDULE_ACTOR]),
    );

    await sendJson(admin, 'POST', `/api/v1/connectors/${connector.id}/revoke`);
    const received = coupa.received.length;
    await connectorJob(env, new Date());
    expect(coupa.received).toHaveLength(received);
  });

  it('never stores, returns or logs the secret, a token or a line description', async () => {
    const logs = captureLogs();
    const { tenant, admin, coupa } = await coupaTenant('pull-zero');
    const marker = `zqx${crypto.randomUUID().replaceAll('-', '')}`;
    seedOrders(coupa, 4, marker);
    const bodies: string[] = [];
    const record = async (response: Response) => bodies.push(await response.clone().text());
    await record(await send(admin, 'POST', '/api/v1/connectors', coupa.settings()));
    const [connector] = (
      await sendJson<{ connectors: ConnectorView[] }>(admin, 'GET', '/api/v1/connectors')
    ).connectors;
    await record(await send(admin, 'POST', `/api/v1/connectors/${connector!.id}/pull`));
    coupa.expireTokens();
    await record(await send(admin, 'POST', `/api/v1/connectors/${connector!.id}/pull`));
    for (const path of ['', '/pulls', '/calls']) {
      await record(await send(admin, 'GET', `/api/v1/connectors/${connector!.id}${path}`));
    }
    await record(await send(admin, 'GET', '/api/v1/connectors'));
    await record(await send(admin, 'GET', '/api/v1/audit'));
    await record(await send(admin, 'POST', `/api/v1/connectors/${connector!.id}/revoke`));

    expect(coupa.tokensIssued).toHaveLength(2);
    const secrets = [coupa.clientSecret, ...coupa.tokensIssued, marker];
    const stored = await everythingStored();
    const said = bodies.join('\n') + logs();
    for (const secret of secrets) {
      expect(stored).not.toContain(secret);
      expect(said).not.toContain(secret);
    }
    expect(await erpLines(tenant.id)).toHaveLength(6);
  });
});
