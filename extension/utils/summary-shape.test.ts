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

  test('never throws on nonsense', () => {
    for (const raw of [null, 3, 'x', [], { byCategory: 'no', trend: [1, null, {}] }, { totals: { kgCO2e: 'NaN' } }]) {
      expect(() => normalizeSummary(raw)).not.toThrow();
    }
    expect(normalizeSummary({ totalKg: 5 }).totalKg).toBe(5);
  });
});
