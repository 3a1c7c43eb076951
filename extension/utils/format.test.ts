import { describe, expect, test } from 'vitest';
import { formatKg, formatSteps, kgAttribute } from './format';

describe('format', () => {
  test('kilograms', () => {
    expect(formatKg(3.14159)).toBe('3.1');
    expect(formatKg(1234.56)).toBe('1,235');
    expect(kgAttribute(12.34567)).toBe('12.346');
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
