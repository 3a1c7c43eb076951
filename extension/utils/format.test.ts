import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatKg, formatSteps, kgAttribute } from './format';

describe('format', () => {
  test('kilograms', () => {
    expect(formatKg(3.14159)).toBe('3.1');
    expect(formatKg(1234.56)).toBe('1,235');
    expect(kgAttribute(12.34567)).toBe('12.346');
    expect([0.15, 1.45, 9.96, -0.04, 999.5, 1234567.5].map(formatKg)).toEqual(['0.2', '1.5', '10.0', '-0.0', '1,000', '1,234,568']);
  });

  test('property: kilograms read exactly as Intl.NumberFormat en-US writes them', () => {
    const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    const intl = (kg: number) => (Math.abs(kg) < 10 ? oneDecimal : whole).format(kg);
    const kilograms = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 100),
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000),
    );
    fc.assert(
      fc.property(kilograms, (kg) => {
        expect(formatKg(kg)).toBe(intl(kg));
      }),
      { numRuns: 5000 },
    );
  });

  test('formula steps in any reasonable shape', () => {
    expect(formatSteps(['convert', 'deflate'])).toEqual(['convert', 'deflate']);
    expect(formatSteps([{ label: 'EUR→USD', value: 1.08 }, { description: 'deflate to 2022' }])).toEqual(['EUR→USD: 1.08', 'deflate to 2022']);
    expect(formatSteps({ currency: { rate: 1.1, date: '2026-01-02' }, factor: 0.3 })).toEqual([
      'currency: rate 1.1, date 2026-01-02',
      'factor: 0.3',
    ]);
    expect(formatSteps([{ step: 'factor', label: 'Factor', value: 0.6, unit: 'kg CO2e/USD' }, { step: 'note', label: 'USD assumed', value: null }])).toEqual([
      'Factor: 0.6 kg CO2e/USD',
      'USD assumed',
    ]);
    expect(formatSteps(undefined)).toEqual([]);
    expect(formatSteps(42)).toEqual([]);
  });
});
