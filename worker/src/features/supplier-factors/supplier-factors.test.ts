import { describe, expect, it } from 'vitest';
import { createTenant, signIn, signInAs } from '../../../test/fixtures';
import { auditActions, rowCount, send, sendJson } from '../../../test/spend-helpers';

interface Estimates {
  ruleVersion: number;
  results: { calculationMethod?: string; kgCO2e?: number; supplierFactor?: { id: string } }[];
}

const line = {
  description: 'Laptop computer 14 inch',
  amount: 1000,
  currency: 'USD',
  date: '2024-03-15',
  supplier: 'Dell Inc.',
};

describe('supplier-specific factors', () => {
  it('outrank spend-based factors within their validity, and are versioned and removable', async () => {
    const tenant = await createTenant('factors');
    const [analyst, buyer] = await signInAs(tenant, 'analyst', 'buyer');
    const factor = await sendJson<{ id: string; version: number }>(
      analyst,
      'POST',
      '/api/v1/supplier-factors',
      {
        supplier: 'Dell Inc.',
        kgPerUsd: 0.1,
        validFrom: '2024-01-01',
        validTo: '2024-12-31',
        source: 'Dell FY24 product carbon footprint',
        sourceDocument: 'https://example.test/dell-pcf.pdf',
      },
      201,
    );
    const inside = await sendJson<Estimates>(buyer, 'POST', '/api/v1/estimates', {
      lines: [line, { ...line, date: '2023-06-01' }],
    });
    expect(inside.ruleVersion).toBe(1);
    expect(inside.results[0]).toMatchObject({
      calculationMethod: 'supplier-specific',
      kgCO2e: 100,
      supplierFactor: { id: factor.id },
    });
    expect(inside.results[1]).toMatchObject({ calculationMethod: 'spend-based' });

    const updated = await sendJson<{ version: number }>(
      analyst,
      'PUT',
      `/api/v1/supplier-factors/${factor.id}`,
      {
        supplier: 'Dell Inc.',
        kgPerUsd: 0.2,
        validFrom: '2024-01-01',
        source: 'Dell FY24 PCF, revised',
      },
    );
    expect(updated.version).toBe(2);
    const revised = await sendJson<Estimates>(buyer, 'POST', '/api/v1/estimates', {
      lines: [line],
    });
    expect(revised.results[0]!.kgCO2e).toBe(200);

    expect((await send(analyst, 'DELETE', `/api/v1/supplier-factors/${factor.id}`)).status).toBe(
      204,
    );
    const after = await sendJson<Estimates>(buyer, 'POST', '/api/v1/estimates', { lines: [line] });
    expect(after.results[0]).toMatchObject({ calculationMethod: 'spend-based' });
    expect(after.ruleVersion).toBe(3);
    expect(await auditActions(tenant.id)).toEqual(
      expect.arrayContaining([
        'supplier-factor.create',
        'supplier-factor.update',
        'supplier-factor.delete',
      ]),
    );
  });

  it('refuses an incomplete or contradictory factor and stores nothing', async () => {
    const tenant = await createTenant('factors-invalid');
    const analyst = await signIn(tenant.emails.analyst);
    const base = { supplier: 'Dell', validFrom: '2024-01-01', source: 'EPD' };
    for (const body of [
      base,
      { ...base, kgPerUsd: 0.1, kgPerUnit: 2, unit: 'kg' },
      { ...base, kgPerUnit: 2 },
      { ...base, kgPerUsd: 0.1, validTo: '2023-01-01' },
      { ...base, kgPerUsd: -1 },
      { ...base, kgPerUsd: 0.1, validFrom: '2024-13-01' },
    ]) {
      const response = await send(analyst, 'POST', '/api/v1/supplier-factors', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await rowCount('supplier_factors', tenant.id)).toBe(0);
  });
});
