import { describe, expect, test } from 'vitest';
import { loadEngineIndex } from '../../shared/engine/load-index';
import type { EstimatedResult } from './api/estimate-schema';
import { confidenceBand, FALLBACK_MEDIAN_FACTOR, intensityLevel } from './intensity';

const withFactor = (value: number, unit = 'kg CO2e/2022 USD, purchaser price') =>
  ({ factor: { value, unit, dataset: 'EPA', version: '1.3.0' } }) as EstimatedResult;

describe('intensity', () => {
  test('the median factor matches the engine’s factor set', () => {
    const factors = loadEngineIndex().factors.filter((f): f is number => f !== null).sort((a, b) => a - b);
    const mid = Math.floor(factors.length / 2);
    const median = factors.length % 2 ? factors[mid]! : (factors[mid - 1]! + factors[mid]!) / 2;
    expect(FALLBACK_MEDIAN_FACTOR).toBeCloseTo(median, 3);
  });

  test('levels around the median', () => {
    expect(intensityLevel(withFactor(0.05))).toBe('low');
    expect(intensityLevel(withFactor(0.18))).toBe('typical');
    expect(intensityLevel(withFactor(1.0))).toBe('high');
    expect(intensityLevel(withFactor(9, 'kg CO2e/unit'))).toBe('typical');
    expect(intensityLevel(withFactor(0.5), 1)).toBe('low');
  });

  test('confidence bands', () => {
    expect([confidenceBand(0.9), confidenceBand(0.6), confidenceBand(0.2)]).toEqual(['high', 'medium', 'low']);
  });
});
