import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateResultSchema } from '../api/estimates';
import { estimateLine, estimateLines, getEngine, normaliseDescription } from './index';
import type { SupplierFactor, TenantRule } from './tenant';
import { roundKg, uncertaintyRange } from './uncertainty';

const rule = (over: Partial<TenantRule>): TenantRule => ({ id: 'r1', version: 3, kind: 'keyword', match: 'widget', naics: '332510', enabled: true, ...over });

describe('estimate', () => {
  it('prices a line: 2022 USD × EPA factor with margins, with the formula steps', () => {
    const r = estimateLine({ description: 'laptop computer', amount: 1000, currency: 'USD', date: '2022-06-15' });
    expect(r.status).toBe('estimated');
    if (r.status !== 'estimated') return;
    expect(r.naics).toBe('334111');
    expect(r.classificationSource).toBe('classifier');
    expect(r.calculationMethod).toBe('spend-based');
    const factor = getEngine().factorOf('334111')!;
    expect(factor).toBe(0.058);
    expect(r.factor).toEqual({ value: factor, unit: 'kg CO2e/2022 USD, purchaser price', dataset: 'EPA Supply Chain GHG Emission Factors', version: '1.3.0' });
    const deflator = r.steps.find((s) => s.step === 'deflator')!.value!;
    expect(r.kgCO2e).toBeCloseTo(1000 * deflator * factor, 3);
    expect(r.range!.low).toBeLessThanOrEqual(r.kgCO2e!);
    expect(r.range!.high).toBeGreaterThanOrEqual(r.kgCO2e!);
    expect(estimateResultSchema.parse(r)).toEqual(r);
  });

  it('converts a foreign amount at its month and shows the rate', () => {
    const r = estimateLine({ description: 'laptop computer', amount: 100, currency: 'EUR', date: '2022-01-10' });
    if (r.status !== 'estimated') throw new Error(r.status);
    const rate = r.steps.find((s) => s.step === 'currency-rate')!;
    expect(rate).toMatchObject({ value: 1.131734, unit: 'USD/EUR', period: '2022-01' });
    expect(r.provisional).toBe(false);
  });

  it('prices an undated line at the latest published month and marks it provisional', () => {
    const r = estimateLine({ description: 'COPY PAPER', amount: 100 });
    expect(r.status === 'estimated' && r.provisional).toBe(true);
    const text = JSON.stringify(r);
    expect(text).not.toContain('9999');
    expect(text).toMatch(/no date given: the latest published month \(\d{4}-\d{2}\) used, provisional/);
  });

  it('marks estimates past the published tables provisional', () => {
    const r = estimateLine({ description: 'laptop computer', amount: 100, currency: 'EUR', date: '2027-03-01' });
    expect(r.status === 'estimated' && r.provisional).toBe(true);
  });

  it('answers unable (never throws) for unknown currency, old dates, nonsense and no factor', () => {
    const bad = estimateLines([
      { description: 'laptop computer', amount: 100, currency: 'XYZ', date: '2022-01-10' },
      { description: 'laptop computer', amount: 100, currency: 'USD', date: '1850-01-10' },
      { description: 'qwzx 1234-77' },
      { description: 'city council', naics: '921120' },
      { description: '' },
    ]);
    expect(bad.map((r) => r.status)).toEqual(['unable', 'unable', 'unable', 'unable', 'unable']);
    expect(bad.map((r) => (r.status === 'unable' ? r.reasonCode : ''))).toEqual(['conversion', 'conversion', 'unclassifiable', 'no-factor', 'invalid-input']);
    expect(bad[0]!.status === 'unable' && bad[0]!.reason).toMatch(/XYZ/);
    expect(bad[0]!.status === 'unable' && bad[0]!.classification?.naics).toBe('334111');
  });

  it('answers no-factor for electricity, which EPA leaves to grid factors, unless the supplier has one', () => {
    const ppa = { description: 'solar power purchase agreement', supplier: 'Sunfarm LLC', amount: 5000, quantity: 40000, currency: 'USD', date: '2024-05-01' };
    const unpriced = estimateLine(ppa);
    expect(unpriced).toMatchObject({ status: 'unable', reasonCode: 'no-factor', classification: { naics: '221114' } });
    expect(unpriced.status === 'unable' && unpriced.reason).toMatch(/Scope 2.*grid emission factor/);
    expect(estimateLine({ description: 'Electric bill', amount: 180, currency: 'USD', date: '2024-05-01' })).toMatchObject({ status: 'unable', reasonCode: 'no-factor', classification: { naics: '221122' } });
    const factor: SupplierFactor = { id: 'ppa', version: 1, supplier: 'Sunfarm LLC', kgPerUnit: 0.02, unit: 'kWh', validFrom: '2024-01-01', source: 'PPA certificate' };
    expect(estimateLine(ppa, { supplierFactors: [factor] })).toMatchObject({ status: 'estimated', calculationMethod: 'supplier-specific', naics: '221114', kgCO2e: 800 });
  });

  it('classifies without pricing when there is no amount, and uses unitPrice × quantity', () => {
    expect(estimateLine({ description: 'laptop computer' })).toMatchObject({ status: 'classified', kgCO2e: null });
    const a = estimateLine({ description: 'laptop computer', unitPrice: 50, quantity: 2, currency: 'USD', date: '2022' });
    expect(a.status === 'estimated' && a.kgCO2e).toBeCloseTo(100 * 0.058, 4);
  });

  it('lets a valid given NAICS code win over the classifier, and ignores an invalid one', () => {
    expect(estimateLine({ description: 'laptop computer', naics: '331110' })).toMatchObject({ naics: '331110', classificationSource: 'given-code', confidence: 1 });
    expect(estimateLine({ description: 'laptop computer', naics: '999999' })).toMatchObject({ naics: '334111', classificationSource: 'classifier' });
  });

  it('lets tenant rules outrank the classifier and the given code, naming rule and version', () => {
    const line = { description: 'Blue widget 4 in', supplier: 'ACME Corp.', glAccount: '6100', naics: '334111' };
    expect(estimateLine(line, { rules: [rule({})] })).toMatchObject({ naics: '332510', classificationSource: 'tenant-rule', rule: { id: 'r1', version: 3, kind: 'keyword' } });
    const rules = [
      rule({ id: 'gl', kind: 'gl-account', match: '6100', naics: '322230' }),
      rule({ id: 'sup', kind: 'supplier', match: 'acme corp', naics: '339940' }),
      rule({ id: 'hash', kind: 'description-hash', match: 'h-abc', naics: '337214' }),
    ];
    expect(estimateLine(line, { rules })).toMatchObject({ naics: '339940', rule: { id: 'sup' } });
    expect(estimateLine({ ...line, descriptionHash: 'h-abc' }, { rules })).toMatchObject({ naics: '337214', rule: { id: 'hash' } });
    expect(estimateLine({ ...line, supplier: 'Other' }, { rules })).toMatchObject({ naics: '322230', rule: { id: 'gl' } });
    expect(estimateLine(line, { rules: [rule({ enabled: false })] })).toMatchObject({ classificationSource: 'given-code' });
    expect(estimateLine({ description: 'widgetry' }, { rules: [rule({})] })).not.toMatchObject({ classificationSource: 'tenant-rule' });
  });

  it('exports the normalisation description-hash rules are keyed on', () => {
    expect(normaliseDescription('  COUPLING, PVC  Sched-40 ½"  ')).toBe('coupling pvc sched 40 1 2');
    expect(normaliseDescription('Laptop   computer')).toBe(normaliseDescription('LAPTOP COMPUTER'));
  });

  it('applies a supplier-specific factor in its validity window', () => {
    const factors: SupplierFactor[] = [
      { id: 'sf1', version: 2, supplier: 'Green Steel AB', kgPerUsd: 0.5, validFrom: '2022-01-01', validTo: '2022-12-31', source: 'EPD 2022' },
      { id: 'sf2', version: 1, supplier: 'Green Steel AB', kgPerUnit: 1.2, unit: 'kg', validFrom: '2023-01-01', source: 'EPD 2023' },
    ];
    const r = estimateLine({ description: 'steel rebar', supplier: 'green steel ab', amount: 200, currency: 'USD', date: '2022-05-01' }, { supplierFactors: factors });
    expect(r).toMatchObject({ status: 'estimated', calculationMethod: 'supplier-specific', supplierFactor: { id: 'sf1', version: 2 }, kgCO2e: 100 });
    const units = estimateLine({ description: 'steel rebar', supplier: 'Green Steel AB', quantity: 10, amount: 200, date: '2023-05-01' }, { supplierFactors: factors });
    expect(units).toMatchObject({ calculationMethod: 'supplier-specific', supplierFactor: { id: 'sf2' }, kgCO2e: 12 });
    const outside = estimateLine({ description: 'steel rebar', supplier: 'Green Steel AB', amount: 200, date: '2021-05-01' }, { supplierFactors: factors });
    expect(outside).toMatchObject({ calculationMethod: 'spend-based' });
  });

  it('never throws and keeps order for arbitrary input', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ description: fc.string(), amount: fc.option(fc.double(), { nil: undefined }), currency: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }), date: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }), { maxLength: 8 }), (lines) => {
        const results = estimateLines(lines);
        expect(results).toHaveLength(lines.length);
        for (const r of results) expect(() => estimateResultSchema.parse(r)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('checks a supplier factor against today when the line has no date', () => {
    const factors: SupplierFactor[] = [
      { id: 'future', version: 1, supplier: 'Green Power Co', kgPerUsd: 0.01, validFrom: '2030-01-01', source: 'PPA 2030' },
      { id: 'current', version: 1, supplier: 'Green Power Co', kgPerUsd: 0.02, validFrom: '2024-01-01', validTo: '2026-12-31', source: 'PPA 2024' },
    ];
    const line = { description: 'steel rebar', supplier: 'Green Power Co', amount: 100, currency: 'USD' };
    expect(estimateLine(line, { supplierFactors: factors, today: '2025-06-01' })).toMatchObject({ supplierFactor: { id: 'current' } });
    expect(estimateLine(line, { supplierFactors: factors, today: '2031-06-01' })).toMatchObject({ supplierFactor: { id: 'future' } });
    expect(estimateLine(line, { supplierFactors: factors, today: '2027-06-01' })).toMatchObject({ calculationMethod: 'spend-based' });
    const unknown = estimateLine({ ...line, description: 'zzqx' }, { supplierFactors: factors, today: '2025-06-01' });
    expect(unknown.status === 'unable' && unknown.reason).toMatch(/supplier rule/);
  });

  it('prices a credit note as negative kg with an ordered range, and refuses an amount too large to compute', () => {
    const credit = estimateLine({ description: 'laptop computer', amount: -100, currency: 'USD', date: '2022-06-01' });
    if (credit.status !== 'estimated') throw new Error(credit.status);
    expect(credit.kgCO2e).toBeLessThan(0);
    expect(credit.range!.low).toBeLessThanOrEqual(credit.kgCO2e!);
    expect(credit.range!.high).toBeGreaterThanOrEqual(credit.kgCO2e!);
    expect(estimateLine({ description: 'laptop computer', amount: 1.7e308, currency: 'GBP', date: '2022-06-01' })).toMatchObject({ status: 'unable', reasonCode: 'invalid-input' });
  });
});

describe('uncertainty range', () => {
  it('is kg × exp(±1.645 σ), σ² = Σ p_i (ln f_i − ln f*)² + (1 − Σ p_i) σ_all²', () => {
    const sigmaAll = 0.8;
    const sigma = Math.sqrt(0.6 * 0 + 0.2 * Math.log(2) ** 2 + 0.2 * sigmaAll ** 2);
    expect(uncertaintyRange(100, 0.5, [{ factor: 0.5, probability: 0.6 }, { factor: 1, probability: 0.2 }], sigmaAll)).toEqual({
      low: roundKg(100 / Math.exp(1.645 * sigma)),
      high: roundKg(100 * Math.exp(1.645 * sigma)),
    });
    expect(uncertaintyRange(100, 0.5, [{ factor: 0.5, probability: 1 }], sigmaAll)).toEqual({ low: 100, high: 100 });
  });
});
