import type { LowerEmissionHint } from '../../components/badge-state';
import type { EstimatedResult } from '../../utils/api/estimate-schema';
import { intensityOf } from '../../utils/intensity';

export interface HintCandidate {
  description: string;
  result: EstimatedResult | undefined;
}

/**
 * Among comparable items (same NAICS-4) on one page, points every item at the one with the
 * lowest emission intensity (kg CO2e per USD), and marks that one as the lowest.
 */
export function lowerEmissionHints(items: readonly HintCandidate[]): Array<LowerEmissionHint | undefined> {
  // Each item's intensity once: pages list hundreds of items.
  const intensities = items.map((item) => (item.result ? intensityOf(item.result) : undefined));
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (!item.result || intensities[index] === undefined) return;
    const key = item.result.naics.slice(0, 4);
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const hints: Array<LowerEmissionHint | undefined> = items.map(() => undefined);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const intensity = (index: number) => intensities[index]!;
    const lowest = members.reduce((best, index) => (intensity(index) < intensity(best) ? index : best));
    if (members.every((index) => intensity(index) === intensity(lowest))) continue;
    for (const index of members) {
      hints[index] =
        index === lowest
          ? { kind: 'lowest', groupSize: members.length }
          : intensity(index) > intensity(lowest)
            ? { kind: 'alternative', description: items[lowest]!.description, intensity: intensity(lowest), ownIntensity: intensity(index) }
            : undefined;
    }
  }
  return hints;
}
