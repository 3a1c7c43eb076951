/**
 * Turns the relative scores of the top candidates into probabilities: a softmax with a
 * temperature, scaled down when even the best score covers little of the line's words.
 */
const TEMPERATURE = 0.08;
const COVERAGE_MIDPOINT = 0.35;
const COVERAGE_SLOPE = 10;

export function calibrate(scores: number[]): number[] {
  if (scores.length === 0) return [];
  const top = scores[0]!;
  const exps = scores.map((s) => Math.exp((s - top) / TEMPERATURE));
  const total = exps.reduce((a, b) => a + b, 0);
  const coverage = 1 / (1 + Math.exp(-COVERAGE_SLOPE * (top - COVERAGE_MIDPOINT)));
  return exps.map((e) => Math.round((e / total) * coverage * 1000) / 1000);
}
