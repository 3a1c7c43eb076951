import { describe, expect, it } from 'vitest';
import { score, type Scored } from './eval-metrics';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { FOLDS, foldOf, heldOutCodeCoverage, plainLinesOf } from './eval';
import { loadEngineIndex } from '../shared/engine/load-index';

const factors: Record<string, number> = {
  '334111': 0.058,
  '334118': 0.07,
  '326122': 0.434,
  '332996': 0.365,
};
const factorOf = (code: string) => factors[code] ?? null;
const row = (
  truth: string,
  predicted: string | null,
  top3: string[] = predicted ? [predicted] : [],
): Scored => ({
  truth,
  predicted,
  top3,
  confidence: 0.5,
  rawConfidence: 0.5,
});

describe('eval metrics', () => {
  it('scores exact, NAICS-3, top-3, factor ±25% and median |ln| without the abstentions', () => {
    const m = score(
      [
        row('334111', '334111'), // exact
        row('334111', '334118', ['334118', '326122', '334111']), // same NAICS-3, in top-3, factor 1.21×
        row('326122', '332996'), // wrong sector, factor 0.84×
        row('332996', null), // no prediction: a miss at ln 10
        row('-1', '334111'), // abstention: not scored
      ],
      factorOf,
    );
    expect(m).toMatchObject({
      lines: 4,
      abstentions: 1,
      noPrediction: 1,
      exact: 0.25,
      naics3: 0.5,
      top3: 0.5,
    });
    expect(m.within25).toBe(0.75);
    // |ln| values: 0, ln(0.07/0.058) ≈ 0.188, ln(0.434/0.365) ≈ 0.173, ln 10 → median of the middle two
    expect(m.medianAbsLog).toBeCloseTo((Math.log(0.07 / 0.058) + Math.log(0.434 / 0.365)) / 2, 6);
  });
});

describe('grouped cross-validation', () => {
  it('keeps every commodity group in one fold and uses all folds', () => {
    const groups = Array.from({ length: 200 }, (_, i) => String(10_000 + i));
    expect(new Set(groups.map(foldOf)).size).toBe(FOLDS);
    for (const g of groups) expect(foldOf(g)).toBe(foldOf(g));
  });

  it('reports how many held-out lines carry a code the training folds have seen', () => {
    const a = '10000';
    const b = ['10001', '10002', '10003', '10004', '10005'].find((g) => foldOf(g) !== foldOf(a))!;
    const line = (group: string, naics: string) => ({ group, naics, text: 'x' });
    // Each group is the other's training data: one code is shared, one is seen only in its own group.
    expect(
      heldOutCodeCoverage([line(a, '334111'), line(a, '326122'), line(b, '334111'), line(b, '-1')]),
    ).toBe(2 / 3);
  });
});

describe('plain labelled files', () => {
  it('reads description and naics columns, and refuses a file without them', () => {
    const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];
    expect(
      plainLinesOf(rowsOf('description,naics,why\n"Gasoline, fill-up",324110,refinery\n')),
    ).toEqual([{ group: '', text: 'Gasoline, fill-up', naics: '324110' }]);
    expect(
      plainLinesOf(rowsOf('COMMODITY_DESCRIPTION,naics_code_final\nPIPE,332996\n')),
    ).toBeNull();
  });

  it.each([
    ['everyday-lines.csv', 120],
    ['everyday-holdout.csv', 100],
    ['everyday-holdout-2.csv', 120],
    ['everyday-holdout-3.csv', 120],
    ['everyday-holdout-4.csv', 120],
    ['everyday-holdout-5.csv', 120],
    ['shop-titles.csv', 100],
    ['erp-lines.csv', 120],
    ['everyday-holdout-6.csv', 120],
    ['catalogue-lines.csv', 160],
    ['erp-lines-2.csv', 120],
    ['catalogue-lines-2.csv', 160],
    ['catalogue-lines-3.csv', 160],
    ['invoice-lines.csv', 160],
    ['cart-lines.csv', 160],
    ['expense-lines.csv', 160],
    ['facilities-lines.csv', 160],
    ['institution-lines.csv', 160],
    ['publicworks-lines.csv', 160],
    ['construction-lines.csv', 160],
    ['it-telecom-lines.csv', 160],
    ['plant-mro-lines.csv', 160],
    ['hospitality-lines.csv', 160],
    ['smallbiz-lines.csv', 160],
    ['healthcare-lines.csv', 160],
    ['lab-research-lines.csv', 160],
    ['fleet-logistics-lines.csv', 160],
    ['grounds-agri-lines.csv', 160],
    ['marketing-events-lines.csv', 160],
    ['supplyhouse-lines.csv', 160],
    ['officeadmin-lines.csv', 160],
    ['foodservice-lines.csv', 160],
    ['utilities-energy-lines.csv', 160],
    ['materials-lines.csv', 160],
    ['autoshop-lines.csv', 160],
    ['janitorial-lines.csv', 160],
    ['oilfield-mining-lines.csv', 160],
    ['printing-packaging-lines.csv', 160],
    ['pro-services-software-lines.csv', 160],
    ['furniture-textiles-lines.csv', 160],
    ['food-plant-lines.csv', 160],
    ['education-lines.csv', 160],
    ['publicsafety-lines.csv', 160],
    ['electronics-bom-lines.csv', 160],
    ['retail-resale-lines.csv', 160],
    ['telecom-carrier-lines.csv', 160],
    ['aerospace-shop-lines.csv', 160],
    ['marine-port-lines.csv', 160],
    ['nonprofit-church-lines.csv', 160],
    ['water-utility-lines.csv', 160],
    ['pharma-mfg-lines.csv', 160],
    ['apparel-brand-lines.csv', 160],
    ['transit-agency-lines.csv', 160],
    ['dental-vet-lines.csv', 160],
    ['data-center-lines.csv', 160],
    ['sports-rec-lines.csv', 160],
    ['airport-airline-lines.csv', 160],
    ['brewery-winery-lines.csv', 160],
    ['hvac-contractor-lines.csv', 160],
    ['chemical-plant-lines.csv', 160],
    ['property-mgmt-lines.csv', 160],
    ['midstream-oilgas-lines.csv', 160],
    ['hotel-housekeeping-lines.csv', 160],
    ['film-production-lines.csv', 160],
    ['solar-installer-lines.csv', 160],
    ['city-hall-lines.csv', 160],
    ['senior-care-lines.csv', 160],
    ['bakery-cafe-lines.csv', 160],
    ['warehouse-3pl-lines.csv', 160],
    ['railroad-lines.csv', 160],
    ['cosmetics-maker-lines.csv', 160],
    ['zoo-aquarium-lines.csv', 160],
    ['home-builder-lines.csv', 160],
    ['foundry-steel-lines.csv', 160],
    ['semiconductor-fab-lines.csv', 160],
    ['supermarket-resale-lines.csv', 160],
    ['correctional-facility-lines.csv', 160],
    ['paper-mill-lines.csv', 160],
    ['ski-resort-lines.csv', 160],
    ['funeral-cemetery-lines.csv', 159],
    ['bank-branch-lines.csv', 160],
    ['plastics-molder-lines.csv', 159],
    ['military-base-lines.csv', 160],
    ['auto-dealer-lines.csv', 158],
    ['library-museum-lines.csv', 160],
    ['hospital-facilities-lines.csv', 160],
    ['trucking-fleet-lines.csv', 160],
    ['software-startup-lines.csv', 160],
    ['school-cafeteria-lines.csv', 160],
    ['craft-distillery-lines.csv', 159],
    ['dental-lab-lines.csv', 159],
    ['greenhouse-nursery-lines.csv', 159],
    ['steel-fabricator-lines.csv', 160],
    ['dairy-farm-lines.csv', 160],
    ['tv-station-lines.csv', 160],
    ['casino-resort-lines.csv', 160],
    ['shipyard-lines.csv', 160],
    ['meat-packer-lines.csv', 160],
    ['ready-mix-concrete-lines.csv', 159],
    ['law-firm-lines.csv', 160],
    ['fitness-gym-lines.csv', 159],
    ['wind-farm-lines.csv', 160],
    ['amusement-park-lines.csv', 160],
    ['auto-parts-plant-lines.csv', 160],
    ['soft-drink-bottler-lines.csv', 159],
    ['architecture-firm-lines.csv', 160],
    ['car-rental-lines.csv', 160],
    ['textile-mill-lines.csv', 160],
    ['sawmill-lines.csv', 160],
  ])(
    'labels every line of %s with a valid 2017 NAICS code, its title and whether EPA prices it',
    (file, count) => {
      const index = loadEngineIndex();
      const csv = readFileSync(new URL(`../data/eval/${file}`, import.meta.url));
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      expect(plainLinesOf(rows)).toHaveLength(count);
      for (const row of rows) {
        const code = index.codes.indexOf(row['naics']!);
        expect(code, row['description']).toBeGreaterThanOrEqual(0);
        expect(index.titles[code], row['description']).toBe(row['title']);
        expect(index.factors[code] === null ? 'no' : 'yes', row['description']).toBe(row['priced']);
      }
    },
  );
});
