import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTenant, signIn } from '../../../test/fixtures';
import { sendJson } from '../../../test/spend-helpers';
import {
  connect,
  coupaTenant,
  linesIn,
  pull,
  seedOrders,
} from '../connectors/testing/connector-fixture';

afterEach(() => {
  vi.restoreAllMocks();
});

const LINES = [
  { description: 'COPY PAPER 8.5X11 WHITE', amount: 240, date: '2026-02-03', supplier: 'Staples' },
  { description: 'TONER CARTRIDGE HP 26A', amount: 95, date: '2026-02-04', supplier: 'Staples' },
];

describe('calculation ledger', () => {
  it('proves each stored formula is the one the audit chain covers', async () => {
    const tenant = await createTenant('ledger');
    const buyer = await signIn(tenant.emails.buyer);
    const auditor = await signIn(tenant.emails.auditor);
    const recorded = await sendJson<{ lines: { id: string }[] }>(
      buyer,
      'POST',
      '/api/v1/spend/record',
      { lines: LINES },
      201,
    );
    const verdict = () => sendJson(auditor, 'GET', '/api/v1/audit/ledger/verify');
    expect(await verdict()).toEqual({ ok: true, lines: 2, mismatched: [] });

    // A factor changed behind the API's back (the audit chain itself is untouched).
    const target = recorded.lines[0]!.id;
    const row = await env.DB.prepare('SELECT estimate FROM spend_lines WHERE id = ?')
      .bind(target)
      .first<{ estimate: string }>();
    const estimate = JSON.parse(row!.estimate);
    estimate.factor = { ...estimate.factor, kgPerUsd: estimate.factor.kgPerUsd / 2 };
    await env.DB.prepare('UPDATE spend_lines SET estimate = ? WHERE id = ?')
      .bind(JSON.stringify(estimate), target)
      .run();
    expect(await verdict()).toEqual({ ok: false, lines: 2, mismatched: [target] });
  });

  it('follows re-estimation after a review decision', async () => {
    const tenant = await createTenant('ledger-review');
    const analyst = await signIn(tenant.emails.analyst);
    const auditor = await signIn(tenant.emails.auditor);
    const buyer = await signIn(tenant.emails.buyer);
    await sendJson(buyer, 'POST', '/api/v1/spend/record', { lines: LINES }, 201);
    const correction = await sendJson<{ id: string }>(
      analyst,
      'POST',
      '/api/v1/review/corrections',
      { description: LINES[1]!.description, suggestedNaics: '325910', supplier: 'Staples' },
      201,
    );
    const resolved = await sendJson<{ reestimated: number }>(
      analyst,
      'POST',
      `/api/v1/review/${correction.id}/resolve`,
      { naics: '325910', makeRule: 'description-hash' },
    );
    expect(resolved.reestimated).toBeGreaterThan(0);
    expect(await sendJson(auditor, 'GET', '/api/v1/audit/ledger/verify')).toMatchObject({
      ok: true,
      lines: 2,
    });
  });

  it('covers lines pulled from an ERP', async () => {
    const { tenant, admin, coupa } = await coupaTenant('ledger-erp');
    const orders = seedOrders(coupa, 4, 'ledger');
    const connector = await connect(admin, coupa);
    await pull(admin, connector.id);
    const auditor = await signIn(tenant.emails.auditor);
    expect(await sendJson(auditor, 'GET', '/api/v1/audit/ledger/verify')).toEqual({
      ok: true,
      lines: linesIn(orders),
      mismatched: [],
    });
  });
});
