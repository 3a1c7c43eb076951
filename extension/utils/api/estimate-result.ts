import type { EstimateResult, EstimatedResult } from './estimate-schema';

/** True for an estimate with a number of kilograms (zod-free: content scripts use it). */
export function isEstimated(result: EstimateResult | undefined): result is EstimatedResult {
  return result?.status === 'estimated' && typeof result.kgCO2e === 'number';
}
