import { describe, expect, it } from 'vitest';
import { createTenant, signInAs } from '../../../test/fixtures';
import { sendJson } from '../../../test/spend-helpers';
import type { ReportContent } from './report-content';
import {
  addTeamMember,
  definePeriod,
  download,
  prepare,
  recordLines,
} from '../../../test/report-helpers';

/*
 * Expected figures worked out by hand from the project's data files:
 * - Northwind Steel has a supplier-specific factor of 0.5 kg CO2e per (nominal) USD, so
 *   1,000 USD → 500 kg and 2,000 USD → 1,000 kg, with no deflation.
 * - Mill Paper Co is mapped by a supplier rule to NAICS 322121 (Paper (except Newsprint) Mills):
 *   EPA v1.3.0 factor with margins 0.649 kg CO2e per 2022 USD. 400 USD in March 2024 is
 *   400 × CPI-U(2022 average) / CPI-U(2024-03) in 2022 USD (data/cpi/bls-cpi-u-monthly.csv).
 * - A line in a currency the H.10 tables lack cannot be converted: it is listed, not counted.
 */
const CPI_2022 =
  [
    281.148, 283.716, 287.504, 289.109, 292.296, 296.311, 296.276, 296.171, 296.808, 298.012,
    297.711, 296.797,
  ].reduce((sum, value) => sum + value, 0) / 12;
const CPI_2024_03 = 312.332;
const EPA_322121 = 0.649;
const PAPER_KG = 400 * (CPI_2022 / CPI_2024_03) * EPA_322121; // ≈ 243.245
const STEEL_KG = 1000 * 0.5 + 2000 * 0.5;
const TOTAL_KG = STEEL_KG + PAPER_KG; // ≈ 1,743.245

const find = <T extends { key: string }>(groups: readonly T[], key: string) =>
  groups.find((g) => g.key === key);

async function preparedFixture() {
  const tenant = await createTenant('report-numbers');
  await addTeamMember(tenant.id, tenant.teamId, tenant.userIds.buyer);
  const [analyst, approver, buyer] = await signInAs(tenant, 'analyst', 'approver', 'buyer');
  const factor = await sendJson<{ id: string }>(
    analyst,
    'POST',
    '/api/v1/supplier-factors',
    { supplier: 'Northwind Steel', kgPerUsd: 0.5, validFrom: '2024-01-01', source: 'EPD 2023' },
    201,
  );
  for (const [match, naics] of [
    ['Northwind Steel', '331110'],
    ['Mill Paper Co', '322121'],
  ]) {
    await sendJson(analyst, 'POST', '/api/v1/rules', { kind: 'supplier', match, naics }, 201);
  }
  const steel = { currency: 'USD', supplier: 'Northwind Steel', glAccount: '5000' };
  await recordLines(buyer, [
    { ...steel, description: 'Structural steel beams', amount: 1000, date: '2024-03-10' },
    { ...steel, description: 'Steel plates 10 mm', amount: 2000, date: '2024-04-02' },
    {
      description: 'Copy paper A4, 10 cartons',
      amount: 400,
      currency: 'USD',
      date: '2024-03-15',
      supplier: 'Mill Paper Co',
      glAccount: '6100',
    },
    {
      description: 'Gold bars',
      amount: 100,
      currency: 'XYZ',
      date: '2024-03-20',
      supplier: '=2+3 Trading',
    },
    // Outside the period on either side.
    { ...steel, description: 'Steel rods', amount: 5000, date: '2024-02-29' },
    { ...steel, description: 'Steel rods', amount: 5000, date: '2024-05-01' },
  ]);
  const periodId = await definePeriod(approver, {
    name: 'Spring 2024',
    startDate: '2024-03-01',
    endDate: '2024-04-30',
  });
  const report = await prepare(analyst, periodId);
  const { ruleVersion } = await sendJson<{ ruleVersion: number }>(analyst, 'GET', '/api/v1/rules');
  return { analyst, report, factorId: factor.id, ruleVersion };
}

describe('report numbers', () => {
  it('match hand-computed totals, breakdowns, data quality and pinned factor sets', async () => {
    const { analyst, report, factorId, ruleVersion } = await preparedFixture();
    const content = JSON.parse(
      new TextDecoder().decode((await download(analyst, report.id, 'json')).bytes),
    ) as ReportContent;

    expect(content.totals).toMatchObject({
      lines: 4,
      estimatedLines: 3,
      unestimatedLines: 1,
      unconvertedLines: 1,
      spendUsd: 3400,
    });
    expect(content.totals.kgCO2e).toBeCloseTo(TOTAL_KG, 1);
    expect(content.esrs).toMatchObject({ unit: 't CO2e', value: Math.round(TOTAL_KG) / 1000 });
    expect(content.esrs.datapoint).toContain('E1-6');
    expect(report.totals).toMatchObject({
      tCO2e: content.esrs.value,
      lines: 4,
      unestimatedLines: 1,
    });

    const paper = content.lines.find((l) => l.supplier === 'Mill Paper Co')!;
    expect(paper.kgCO2e).toBeCloseTo(PAPER_KG, 2);
    expect(paper.factor).toMatchObject({
      value: EPA_322121,
      dataset: 'EPA Supply Chain GHG Emission Factors',
      version: '1.3.0',
    });
    expect(find(content.bySupplier, 'northwind steel')).toMatchObject({
      kgCO2e: STEEL_KG,
      spendUsd: 3000,
      lines: 2,
    });
    expect(find(content.byCategory.subsector, '331')!.kgCO2e).toBe(STEEL_KG);
    expect(find(content.byCategory.subsector, '322')!.kgCO2e).toBeCloseTo(PAPER_KG, 2);
    expect(find(content.byCategory.sector, '31-33')!.kgCO2e).toBeCloseTo(TOTAL_KG, 1);
    expect(find(content.byGlAccount, '5000')).toMatchObject({ kgCO2e: STEEL_KG, lines: 2 });
    expect(find(content.byGlAccount, '6100')!.kgCO2e).toBeCloseTo(PAPER_KG, 2);
    expect(content.byTeam).toEqual([expect.objectContaining({ label: 'Procurement', lines: 4 })]);
    expect(content.byMonth.map((m) => [m.key, m.lines, m.spendUsd])).toEqual([
      ['2024-03', 3, 1400],
      ['2024-04', 1, 2000],
    ]);
    expect(content.byMonth[0]!.kgCO2e).toBeCloseTo(500 + PAPER_KG, 1);

    // Shares of spend: 3,000 of 3,400 USD supplier-specific; the unconverted line counts 0 USD.
    const method = content.dataQuality.byMethod;
    expect(find(method, 'supplier-specific')!.share).toBe(0.88);
    expect(find(method, 'spend-based')!.share).toBe(0.12);
    expect(find(method, 'unestimated')).toMatchObject({ spendUsd: 0, share: 0 });
    expect(find(content.dataQuality.byConfidence, 'high (≥ 0.8)')!.share).toBe(1);

    expect(content.unestimated).toEqual([
      expect.objectContaining({
        supplier: '=2+3 Trading',
        amount: 100,
        currency: 'XYZ',
        kgCO2e: null,
        reasonCode: 'conversion',
        reason: expect.stringContaining('XYZ'),
      }),
    ]);

    expect(content.pinned.ruleVersion).toBe(ruleVersion);
    expect(content.pinned.factorSets).toEqual([
      expect.objectContaining({
        method: 'supplier-specific',
        dataset: `supplier factor ${factorId}`,
        version: '1',
        supplier: 'Northwind Steel',
        lines: 2,
        kgCO2e: STEEL_KG,
      }),
      expect.objectContaining({
        method: 'spend-based',
        dataset: 'EPA Supply Chain GHG Emission Factors',
        version: '1.3.0',
        lines: 1,
      }),
    ]);
    expect(report.pinned).toEqual({
      ruleVersion,
      factorSets: content.pinned.factorSets.map(({ method, dataset, version }) => ({
        method,
        dataset,
        version,
      })),
    });
  });

  it('writes every line and the totals to the CSV, formulas neutralised', async () => {
    const { analyst, report } = await preparedFixture();
    const csv = new TextDecoder().decode((await download(analyst, report.id, 'csv')).bytes);
    const rows = csv.trimEnd().split('\r\n');
    const header = rows[0]!.split(',');
    const column = (row: string, name: string) => row.split(',')[header.indexOf(name)];
    expect(rows.filter((r) => r.startsWith('line,'))).toHaveLength(4);
    const total = rows.find((r) => r.startsWith('total,all-lines,'))!;
    expect(Number(column(total, 'kg_co2e'))).toBeCloseTo(TOTAL_KG, 1);
    expect(column(total, 't_co2e')).toBe(String(Math.round(TOTAL_KG) / 1000));
    expect(column(total, 'amount_usd')).toBe('3400');
    expect(rows.filter((r) => r.startsWith('month-total,')).map((r) => column(r, 'id'))).toEqual([
      '2024-03',
      '2024-04',
    ]);
    const unestimated = rows.find((r) => r.includes('Trading'))!;
    expect(column(unestimated, 'supplier')).toBe("'=2+3 Trading");
    expect(column(unestimated, 'status')).toBe('unestimated');
  });
});
