/**
 * npm run fit:calibration — fits the confidence map (shared/engine/classify-calibration.ts KNOTS)
 * to the grouped cross-validated predictions of the development file and prints the knots.
 *
 * Lines are sorted by raw confidence and cut into BINS equal-count bins; each bin is a point
 * (mean raw confidence, share classified exactly right). Pool-adjacent-violators then merges
 * neighbouring bins until the shares never fall as raw confidence rises, and the map is
 * flat beyond the first and last points.
 */
import { crossValidate } from './eval';
import { readDevLines } from './build-engine-index';

/** About 60 lines a bin on the development file: each bin's hit rate is known to ≈ ±6 points. */
const BINS = 25;

export interface Prediction {
  raw: number;
  hit: boolean;
}

type Knot = [raw: number, calibrated: number];

interface Block {
  rawSum: number;
  hits: number;
  lines: number;
  bins: number[];
}

/** Isotonic (non-decreasing) fit of hit rate on raw confidence over equal-count bins. */
export function fitKnots(predictions: readonly Prediction[], bins = BINS): Knot[] {
  const sorted = [...predictions].sort((a, b) => a.raw - b.raw);
  const blocks: Block[] = [];
  for (let b = 0; b < bins; b++) {
    const part = sorted.slice(
      Math.floor((b * sorted.length) / bins),
      Math.floor(((b + 1) * sorted.length) / bins),
    );
    if (part.length === 0) continue;
    blocks.push({ rawSum: 0, hits: 0, lines: 0, bins: [] });
    const block = blocks[blocks.length - 1]!;
    for (const p of part) {
      block.rawSum += p.raw;
      block.hits += p.hit ? 1 : 0;
    }
    block.lines = part.length;
    block.bins.push(block.rawSum / block.lines);
    while (
      blocks.length > 1 &&
      rate(blocks[blocks.length - 2]!) >= rate(blocks[blocks.length - 1]!)
    ) {
      const last = blocks.pop()!;
      const previous = blocks[blocks.length - 1]!;
      previous.rawSum += last.rawSum;
      previous.hits += last.hits;
      previous.lines += last.lines;
      previous.bins.push(...last.bins);
    }
  }
  // A pooled block is a flat stretch from its first bin's mean raw confidence to its last one's.
  const knots = blocks.flatMap((block): Knot[] => {
    const [first, last] = [block.bins[0]!, block.bins[block.bins.length - 1]!];
    const y = round(rate(block), 2);
    return first === last
      ? [[round(first, 3), y]]
      : [
          [round(first, 3), y],
          [round(last, 3), y],
        ];
  });
  if (knots.length === 0)
    return [
      [0, 0],
      [1, 0],
    ];
  return [[0, knots[0]![1]], ...knots, [1, knots[knots.length - 1]![1]]];
}

const rate = (block: Block) => block.hits / block.lines;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function fitDevelopmentKnots(): Knot[] {
  const lines = readDevLines().filter((line) => !line.naics.startsWith('-'));
  const scored = crossValidate(lines);
  return fitKnots(scored.map((s) => ({ raw: s.rawConfidence, hit: s.predicted === s.truth })));
}

if (process.argv[1]?.endsWith('fit-calibration.ts')) {
  console.log(JSON.stringify(fitDevelopmentKnots()));
}
