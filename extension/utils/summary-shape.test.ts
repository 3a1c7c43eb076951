import { describe, expect, test } from 'vitest';
import { normalizeSummary } from './summary-shape';

describe('normalizeSummary', () => {
  test('reads a full summary', () => {
    const view = normalizeSummary({
      period: '2026-03',
      totals: { kgCO2e: 1234.5, spendUsd: 10000, lineCount: 42 },
      byCategory: [{ naics: '322121', title: 'Paper mills', kgCO2e: 100 }, { naics: '334111', title: 'Computers', kgCO2e: 300 }],
      bySupplier: { 'Office Supply Co.': { kgCO2e: 200 } },
      trend: [{ period: '2026-02', kgCO2e: 900 }, { period: '2026-03', kgCO2e: 1234.5 }],
      movers: [{ supplier: 'Haulage plc', deltaKgCO2e: 120 }],
    });
    expect(view).toEqual({
      period: '2026-03',
      totalKg: 1234.5,
      spend: { amount: 10000, currency: 'USD' },
      lineCount: 42,
      byCategory: [{ label: 'Computers', kg: 300 }, { label: 'Paper mills', kg: 100 }],
      bySupplier: [{ label: 'Office Supply Co.', kg: 200 }],
      trend: [{ period: '2026-02', kg: 900 }, { period: '2026-03', kg: 1234.5 }],
      movers: [{ label: 'Haulage plc', deltaKg: 120 }],
    });
  });

  test('reads the Worker shape of shared/api/summary.ts', () => {
    const group = (key: string, label: string, kgCO2e: number) => ({ key, label, kgCO2e, spendUsd: kgCO2e * 3, lines: 2 });
    const view = normalizeSummary({
      period: '2026-03',
      periodToDate: '2026-03-06',
      previousPeriod: '2026-02',
      comparedWith: { from: '2026-02-01', to: '2026-02-06' },
      scope: 'tenant',
      team: null,
      totals: { kgCO2e: 500, spendUsd: 1500, lines: 9 },
      byCategory: { sector: [group('33', 'Manufacturing', 500)], subsector: [group('334', 'Computer and electronic products', 300), group('322', 'Paper', 200)] },
      bySupplier: [group('s1', 'Office Supply Co.', 400)],
      byTeam: [],
      byMonth: [],
      trend: [{ period: '2026-02', kgCO2e: 450, spendUsd: 1, lines: 1 }, { period: '2026-03', kgCO2e: 500, spendUsd: 1, lines: 1 }],
      movers: [{ dimension: 'supplier', key: 's1', label: 'Office Supply Co.', kgCO2e: 400, previousKgCO2e: 300, changeKgCO2e: 100 }],
      dataQuality: { byConfidence: [], byMethod: [] },
    });
    expect(view).toEqual({
      period: '2026-03',
      toDate: '2026-03-06',
      comparedWith: { from: '2026-02-01', to: '2026-02-06' },
      totalKg: 500,
      spend: { amount: 1500, currency: 'USD' },
      lineCount: 9,
      byCategory: [{ label: 'Computer and electronic products', kg: 300 }, { label: 'Paper', kg: 200 }],
      bySupplier: [{ label: 'Office Supply Co.', kg: 400 }],
      trend: [{ period: '2026-02', kg: 450 }, { period: '2026-03', kg: 500 }],
      movers: [{ label: 'Office Supply Co.', deltaKg: 100 }],
    });
  });

  test('never throws on nonsense', () => {
    for (const raw of [null, 3, 'x', [], { byCategory: 'no', trend: [1, null, {}] }, { totals: { kgCO2e: 'NaN' } }]) {
      expect(() => normalizeSummary(raw)).not.toThrow();
    }
    expect(normalizeSummary({ totalKg: 5 }).totalKg).toBe(5);
  });
});
