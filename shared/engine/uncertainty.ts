/**
 * 90% uncertainty interval of an estimate from classification uncertainty.
 *
 * The category is uncertain: with probability p_i it is candidate i (factor f_i), and with
 * the remaining probability r = 1 − Σp_i it is "something else", for which we only know the
 * spread of all EPA factors (σ_all, the standard deviation of ln f over the 1,016 codes).
 * Treating ln f as that mixture, its variance around the chosen factor f* is
 *   σ² = Σ p_i (ln f_i − ln f*)² + r σ_all²
 * and the interval is kg × exp(±1.645 σ), the 5th–95th percentile of a log-normal.
 * It covers classification only: EPA's own data-quality spread and the CPI-U approximation
 * are not included, and a tenant rule or given code (p = 1) yields a zero-width interval.
 */
export interface WeightedFactor {
  factor: number;
  probability: number;
}

const Z90 = 1.645;

export function logSpread(factors: readonly (number | null)[]): number {
  const logs = factors.filter((f): f is number => f !== null && f > 0).map(Math.log);
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
}

export function uncertaintyRange(
  kg: number,
  chosenFactor: number,
  candidates: readonly WeightedFactor[],
  sigmaAll: number,
): { low: number; high: number } {
  let mass = 0;
  let variance = 0;
  for (const c of candidates) {
    if (c.factor <= 0) continue;
    mass += c.probability;
    variance += c.probability * Math.log(c.factor / chosenFactor) ** 2;
  }
  variance += Math.max(0, 1 - mass) * sigmaAll ** 2;
  const spread = Math.exp(Z90 * Math.sqrt(variance));
  // A credit note's kg is negative: dividing by the spread then gives the upper end.
  const [a, b] = [kg / spread, kg * spread];
  return { low: roundKg(Math.min(a, b)), high: roundKg(Math.max(a, b)) };
}

export function roundKg(kg: number): number {
  return Math.round(kg * 1e4) / 1e4;
}
