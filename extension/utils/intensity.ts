import type { EstimatedResult } from './api/estimate-schema';

/**
 * Median supply-chain factor of all 1,016 commodities of EPA Supply Chain GHG Emission
 * Factors v1.3 (kg CO2e per 2022 USD, purchaser price, with margins). intensity.test.ts checks
 * it against the engine's data; a `medianFactor` sent by the server would win.
 */
export const FALLBACK_MEDIAN_FACTOR = 0.173;

export type IntensityLevel = 'low' | 'typical' | 'high';

/** Like flight-price labels: clearly below, around, or clearly above the median. */
export function intensityLevel(result: EstimatedResult, median = FALLBACK_MEDIAN_FACTOR): IntensityLevel {
  const value = intensityOf(result);
  if (value === undefined) return 'typical';
  if (value < median * 0.75) return 'low';
  if (value > median * 1.33) return 'high';
  return 'typical';
}

let lastUnit: string | undefined;
let lastUnitPerUsd = false;

/** kg CO2e per USD of the line's factor; undefined for per-unit (supplier) factors. */
export function intensityOf(result: EstimatedResult): number | undefined {
  // A page's results share one or two units: test each unit once, not once per line (twice, for
  // the colour and the hints, on every one of hundreds of lines).
  const { unit } = result.factor;
  if (unit !== lastUnit) {
    lastUnit = unit;
    lastUnitPerUsd = /usd|\$/i.test(unit);
  }
  return lastUnitPerUsd ? result.factor.value : undefined;
}

export type ConfidenceBand = 'high' | 'medium' | 'low';

export function confidenceBand(confidence: number): ConfidenceBand {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}
