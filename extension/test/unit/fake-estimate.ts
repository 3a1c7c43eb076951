import type { LineFieldsInput } from '../../utils/api/line-schema';

/** The Worker's answer for a line, as unit tests fake it: paper mills at 0.5 kg CO2e per USD. */
export const fakeEstimate = (line: LineFieldsInput) => ({
  status: 'estimated' as const,
  naics: '322121',
  naicsTitle: 'Paper mills',
  kgCO2e: (line.amount ?? 0) * 0.5,
  confidence: 0.9,
  alternatives: [],
  calculationMethod: 'spend-based',
  classificationSource: 'classifier',
  factor: { value: 0.5, unit: 'kg CO2e/USD', dataset: 'USEEIO', version: '1.3' },
});
