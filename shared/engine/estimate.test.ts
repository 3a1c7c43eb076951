import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateResultSchema } from '../api/estimates';
import { estimateLine, estimateLines, getEngine, normaliseDescription } from './index';
import type { SupplierFactor, TenantRule } from './tenant';

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

  it('gives a reasonable first estimate fast once loaded', () => {
    const start = performance.now();
    getEngine().estimate({ description: 'office chair', amount: 10 });
    expect(performance.now() - start).toBeLessThan(50);
  });
});
