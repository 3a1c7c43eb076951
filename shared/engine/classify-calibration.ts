/**
 * Turns the relative scores of the top candidates into probabilities.
 *
 * 1. A softmax with a temperature over the candidates, scaled down when even the best score
 *    covers little of the line's words ("raw" confidence).
 * 2. A monotone piecewise-linear map from raw confidence to the share of lines classified
 *    exactly right, measured on the cross-validated predictions of the development file
 *    (isotonic fit over five bins; `npm run eval` prints the reliability table). So a
 *    confidence of 0.7 means "about 7 in 10 such lines get the exact NAICS-6 code".
 * Alternatives are scaled by the same ratio so the candidates' confidences never sum above 1.
 */
const TEMPERATURE = 0.08;
const COVERAGE_MIDPOINT = 0.35;
const COVERAGE_SLOPE = 10;

/** [raw, calibrated] knots; raw 0.4–0.8 pooled because accuracy did not rise across it. */
const KNOTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0.14, 0.15],
  [0.31, 0.22],
  [0.6, 0.26],
  [0.93, 0.685],
  [1, 0.75],
];

export function calibrated(raw: number): number {
  for (let i = 1; i < KNOTS.length; i++) {
    const [x1, y1] = KNOTS[i]!;
    if (raw <= x1) {
      const [x0, y0] = KNOTS[i - 1]!;
      return y0 + ((raw - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return KNOTS[KNOTS.length - 1]![1];
}

export function rawConfidences(scores: readonly number[]): number[] {
  if (scores.length === 0) return [];
  const top = scores[0]!;
  const exps = scores.map((s) => Math.exp((s - top) / TEMPERATURE));
  const total = exps.reduce((a, b) => a + b, 0);
  const coverage = 1 / (1 + Math.exp(-COVERAGE_SLOPE * (top - COVERAGE_MIDPOINT)));
  return exps.map((e) => (e / total) * coverage);
}

export function calibrate(scores: readonly number[]): number[] {
  const raw = rawConfidences(scores);
  if (raw.length === 0) return [];
  const ratio = raw[0]! > 0 ? calibrated(raw[0]!) / raw[0]! : 0;
  return raw.map((p) => Math.round(p * ratio * 1000) / 1000);
}
