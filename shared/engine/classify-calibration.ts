/**
 * Turns the relative scores of the top candidates into probabilities.
 *
 * 1. A softmax with a temperature over the candidates, scaled down when even the best score
 *    covers little of the line's words ("raw" confidence).
 * 2. A monotone piecewise-linear map from raw confidence to the share of lines classified
 *    exactly right, fitted to the cross-validated predictions of the development file by
 *    `npm run fit:calibration` (a test checks the knots below are that fit; `npm run eval` prints
 *    the reliability table). So a confidence of 0.7 means "about 7 in 10 such lines get the exact
 *    NAICS-6 code".
 * Runners-up keep their ratio to the best candidate, shrunk when needed so the whole never sums above 1.
 */
const TEMPERATURE = 0.08;
const COVERAGE_MIDPOINT = 0.35;
const COVERAGE_SLOPE = 10;

/** [raw, calibrated] knots, as printed by `npm run fit:calibration` (isotonic over 25 equal-count bins). */
export const KNOTS: readonly (readonly [number, number])[] = [
  [0, 0.29],
  [0.024, 0.29],
  [0.114, 0.29],
  [0.151, 0.41],
  [0.184, 0.43],
  [0.22, 0.43],
  [0.543, 0.43],
  [0.588, 0.43],
  [0.702, 0.43],
  [0.754, 0.44],
  [0.811, 0.55],
  [0.855, 0.55],
  [0.894, 0.63],
  [0.968, 0.63],
  [0.983, 0.79],
  [0.996, 0.94],
  [1, 0.94],
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
export function rawConfidences(scores: ArrayLike<number>, knownShare = 1): Float64Array {
  const out = Float64Array.from(scores);
  if (out.length === 0) return out;
  const top = out[0]!;
  let total = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.exp((out[i]! - top) / TEMPERATURE);
    total += out[i]!;
  }
  // A score above 1 (support from many documents) does not cover more of the line than all of it.
  const covered = Math.min(top, 1) * knownShare;
  const coverage = 1 / (1 + Math.exp(-COVERAGE_SLOPE * (covered - COVERAGE_MIDPOINT)));
  for (let i = 0; i < out.length; i++) out[i] = (out[i]! / total) * coverage;
  return out;
}

const floor3 = (p: number) => Math.floor(p * 1000) / 1000;

/**
 * Calibrated confidences of the candidates whose raw confidences (best first) are given. The
 * runners-up keep their ratio to the best, shrunk when needed so the whole never sums above 1.
 * Typed arrays here, not number[]: exp(0) = 1 alone or runners-up rounded to 0 make arrays of
 * integers now and then, and arrays switching between integer and fractional elements kept
 * deoptimising V8's optimised classify, about one line in seven.
 */
export function calibrate(raw: ArrayLike<number>): Float64Array {
  const out = new Float64Array(raw.length);
  if (raw.length === 0) return out;
  const best = calibrated(raw[0]!);
  const ratio = raw[0]! > 0 ? best / raw[0]! : 0;
  let restSum = 0;
  for (let i = 1; i < raw.length; i++) restSum += raw[i]! * ratio;
  const shrink = restSum > 1 - best ? (1 - best) / restSum : 1;
  out[0] = floor3(best);
  for (let i = 1; i < raw.length; i++) out[i] = floor3(raw[i]! * ratio * shrink);
  return out;
}
