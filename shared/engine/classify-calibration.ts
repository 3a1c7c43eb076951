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

/**
 * [raw, calibrated] knots: isotonic fit of exact accuracy over eight equal-count bins of raw
 * confidence (cross-validated predictions, session 3): raw ≈ 0.07 → 18% exact, 0.13–0.60 pooled
 * ≈ 30% (one large commodity group sits in it and is always wrong), 0.67 → 45%, 0.85 → 56%,
 * 0.98 → 84%.
 */
const KNOTS: readonly (readonly [number, number])[] = [
  [0, 0.15],
  [0.13, 0.18],
  [0.35, 0.3],
  [0.6, 0.3],
  [0.67, 0.45],
  [0.85, 0.56],
  [0.978, 0.84],
  [1, 0.86],
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

/**
 * `knownShare`: the share of the line's word weight the vocabulary knows; a line whose first
 * word is unknown ("zzqx widget") is not well covered however well its other words match.
 */
export function rawConfidences(scores: readonly number[], knownShare = 1): number[] {
  if (scores.length === 0) return [];
  const top = scores[0]!;
  const exps = scores.map((s) => Math.exp((s - top) / TEMPERATURE));
  const total = exps.reduce((a, b) => a + b, 0);
  // A score above 1 (support from many documents) does not cover more of the line than all of it.
  const covered = Math.min(top, 1) * knownShare;
  const coverage = 1 / (1 + Math.exp(-COVERAGE_SLOPE * (covered - COVERAGE_MIDPOINT)));
  return exps.map((e) => (e / total) * coverage);
}

export function calibrate(scores: readonly number[], knownShare = 1): number[] {
  const raw = rawConfidences(scores, knownShare);
  if (raw.length === 0) return [];
  const ratio = raw[0]! > 0 ? calibrated(raw[0]!) / raw[0]! : 0;
  return raw.map((p) => Math.round(p * ratio * 1000) / 1000);
}
