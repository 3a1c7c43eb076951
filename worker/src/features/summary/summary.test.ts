import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTenant, signInAs } from '../../../test/fixtures';
import { bearer } from '../../../test/fixtures';
import { call, json } from '../../../test/http';
import { send, sendJson } from '../../../test/spend-helpers';

interface SummaryBody {
  scope: string | string[];
  totals: { kgCO2e: number; spendUsd: number; lines: number };
  byCategory: {
    sector: { key: string; label: string }[];
    subsector: { key: string; label: string }[];
  };
  bySupplier: { label: string; lines: number }[];
  byTeam: { key: string; label: string; lines: number }[];
  byMonth: { key: string; lines: number }[];
  trend: { period: string; lines: number }[];
  movers: {
    dimension: string;
    label: string;
    kgCO2e: number;
    previousKgCO2e: number;
    changeKgCO2e: number;
  }[];
  periodToDate: string | null;
  comparedWith: { from: string; to: string };
  dataQuality: { byConfidence: { key: string; share: number }[]; byMethod: { key: string }[] };
}

const laptop = (date: string, amount: number) => ({
  description: 'Laptop computer 14 inch',
  amount,
  currency: 'USD',
  date,
  supplier: 'Dell Inc.',
});

async function addTeam(tenantId: string, name: string, members: [string, boolean][]) {
  const id = `team_${crypto.randomUUID()}`;
  await env.DB.prepare('INSERT INTO teams (id, tenant_id, name, created_at) VALUES (?, ?, ?, ?)')
    .bind(id, tenantId, name, Date.now())
    .run();
  for (const [userId, manager] of members) {
    await env.DB.prepare(
      'INSERT INTO team_members (tenant_id, team_id, user_id, is_manager) VALUES (?, ?, ?, ?)',
    )
      .bind(tenantId, id, userId, manager ? 1 : 0)
      .run();
  }
  return id;
}

describe('GET /api/v1/summary', () => {
  it('sums a period with categories, suppliers, months, trend, movers and data quality', async () => {
    const tenant = await createTenant('summary');
    const [buyer, viewer] = await signInAs(tenant, 'buyer', 'viewer');
    await sendJson(
      buyer,
      'POST',
      '/api/v1/spend/record',
      {
        lines: [laptop('2024-02-10', 1000), laptop('2024-03-10', 3000), laptop('2024-03-11', 500)],
      },
      201,
    );
    const march = await sendJson<SummaryBody>(viewer, 'GET', '/api/v1/summary?period=2024-03');
    expect(march.scope).toBe('tenant');
    expect(march.totals).toMatchObject({ lines: 2, spendUsd: 3500 });
    expect(march.totals.kgCO2e).toBeGreaterThan(0);
    expect(march.byCategory.sector[0]).toMatchObject({ key: '31-33', label: 'Manufacturing' });
    expect(march.byCategory.subsector[0]).toMatchObject({ key: '334' });
    expect(march.bySupplier[0]).toMatchObject({ label: 'Dell Inc.', lines: 2 });
    expect(march.trend.map((t) => [t.period, t.lines]).slice(-2)).toEqual([
      ['2024-02', 1],
      ['2024-03', 2],
    ]);
    expect(march.movers[0]).toMatchObject({ dimension: 'supplier', label: 'Dell Inc.' });
    expect(march.movers[0]!.changeKgCO2e).toBeGreaterThan(0);
    const shares = march.dataQuality.byConfidence.reduce((s, b) => s + b.share, 0);
    expect(shares).toBeCloseTo(1, 1);
    const year = await sendJson<SummaryBody>(viewer, 'GET', '/api/v1/summary?period=2024');
    expect(year.totals.lines).toBe(3);
    expect(year.byMonth).toHaveLength(12);
    expect((await send(viewer, 'GET', '/api/v1/summary?period=24-03')).status).toBe(400);
  });

  it('compares a month in progress with the same days of the month before', async () => {
    const tenant = await createTenant('summary-to-date');
    const [buyer, viewer] = await signInAs(tenant, 'buyer', 'viewer');
    const lines = [
      laptop('2024-02-03', 1000),
      laptop('2024-02-20', 9000),
      laptop('2024-03-02', 1000),
    ];
    await sendJson(buyer, 'POST', '/api/v1/spend/record', { lines }, 201);
    const summaryOn = async (today: string, period = '') => {
      const path = `/api/v1/summary${period ? `?period=${period}` : ''}`;
      const response = await call(path, {
        headers: { ...bearer(viewer), 'x-test-now': `${today}T12:00:00Z` },
      });
      expect(response.status).toBe(200);
      return json<SummaryBody>(response);
    };

    // On 5 March, March so far (one laptop) is set against 1–5 February (one laptop of the same
    // price, deflated by another month's CPI), not against all of February.
    const inProgress = await summaryOn('2024-03-05');
    expect(inProgress).toMatchObject({ period: '2024-03', periodToDate: '2024-03-05' });
    expect(inProgress.comparedWith).toEqual({ from: '2024-02-01', to: '2024-02-05' });
    const soFar = inProgress.movers.find((m) => m.dimension === 'supplier')!;
    expect(soFar.previousKgCO2e / soFar.kgCO2e).toBeCloseTo(1, 1);

    // Once March is over, the whole of February counts: Dell's footprint fell.
    const closed = await summaryOn('2024-04-02', '2024-03');
    expect(closed.periodToDate).toBeNull();
    expect(closed.comparedWith).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    const dell = closed.movers.find((m) => m.dimension === 'supplier')!;
    expect(dell.changeKgCO2e).toBeLessThan(0);
    expect(dell.previousKgCO2e / dell.kgCO2e).toBeCloseTo(10, 0);

    // A year in progress is set against the previous year up to the same day.
    const year = await summaryOn('2025-02-10', '2025');
    expect(year).toMatchObject({
      periodToDate: '2025-02-10',
      comparedWith: { from: '2024-01-01', to: '2024-02-10' },
    });
  });

  it('scopes buyers and team managers to their teams; other roles see the tenant', async () => {
    const tenant = await createTenant('summary-scope');
    const ops = await addTeam(tenant.id, 'Operations', [[tenant.userIds.buyer, true]]);
    const other = await addTeam(tenant.id, 'Facilities', [[tenant.userIds.viewer, true]]);
    const [buyer, viewer, admin] = await signInAs(tenant, 'buyer', 'viewer', 'admin');
    await sendJson(
      buyer,
      'POST',
      '/api/v1/spend/record',
      { teamId: ops, lines: [laptop('2024-03-10', 100)] },
      201,
    );
    // A line of another team, recorded by someone else.
    await env.DB.prepare(
      `INSERT INTO spend_lines SELECT 'sl_other', tenant_id, source, ?, ?, date, month, supplier, supplier_key, gl_account, 900, currency, 900, quantity, description_hash, NULL, 'other-key', status, naics, confidence, calculation_method, classification_source, kg_co2e * 9, estimate, rule_version, needs_review, created_at, updated_at FROM spend_lines WHERE tenant_id = ?`,
    )
      .bind(other, tenant.userIds.viewer, tenant.id)
      .run();

    const forBuyer = await sendJson<SummaryBody>(buyer, 'GET', '/api/v1/summary?period=2024-03');
    expect(forBuyer.scope).toEqual([ops]);
    expect(forBuyer.totals.lines).toBe(1);
    expect(forBuyer.byTeam.map((t) => t.label)).toEqual(['Operations']);
    expect((await send(buyer, 'GET', `/api/v1/summary?period=2024-03&team=${other}`)).status).toBe(
      404,
    );

    for (const token of [viewer, admin]) {
      const all = await sendJson<SummaryBody>(token, 'GET', '/api/v1/summary?period=2024-03');
      expect(all.scope).toBe('tenant');
      expect(all.totals.lines).toBe(2);
      const narrowed = await sendJson<SummaryBody>(
        token,
        'GET',
        `/api/v1/summary?period=2024-03&team=${other}`,
      );
      expect(narrowed.totals).toMatchObject({ lines: 1, spendUsd: 900 });
    }
  });
});
