/**
 * Learns term → NAICS associations from labelled purchase lines (the development file).
 *
 * To generalise rather than memorise: only words already in the NAICS vocabulary are kept (no
 * part numbers, names or other strings of the file can enter the product), and evidence is
 * counted per commodity group (first five digits of COMMODITY), not per line, so one family of
 * near-identical items counts once. A term needs support from at least MIN_GROUPS groups.
 *   weight(t, c) = groups(t, c) / (groups(t) + SMOOTHING)
 * Scored by 5-fold cross-validation grouped by commodity in scripts/eval.ts.
 */
import { joinCompounds, tokenize } from '../shared/engine/text';
import type { LearnedAssociations } from '../shared/engine/index-types';

export interface TrainingLine {
  group: string;
  text: string;
  naics: string;
}

const MIN_GROUPS = 2;
const SMOOTHING = 1;
const MAX_CODES_PER_TERM = 4;

export function learnAssociations(
  lines: readonly TrainingLine[],
  vocabulary: ReadonlySet<string>,
  priceable: ReadonlySet<string>,
): LearnedAssociations {
  const isTerm = (term: string) => vocabulary.has(term);
  const pairs = new Map<string, Map<string, Set<string>>>();
  const termGroups = new Map<string, Set<string>>();
  for (const line of lines) {
    if (!priceable.has(line.naics)) continue;
    for (const { term, segment } of joinCompounds(tokenize(line.text), isTerm)) {
      if (segment > 0 || !vocabulary.has(term)) continue;
      let byCode = pairs.get(term);
      if (!byCode) pairs.set(term, (byCode = new Map()));
      let groups = byCode.get(line.naics);
      if (!groups) byCode.set(line.naics, (groups = new Set()));
      groups.add(line.group);
      let all = termGroups.get(term);
      if (!all) termGroups.set(term, (all = new Set()));
      all.add(line.group);
    }
  }
  const out: LearnedAssociations = {};
  for (const term of [...pairs.keys()].sort()) {
    const total = termGroups.get(term)!.size;
    if (total < MIN_GROUPS) continue;
    const entries = [...pairs.get(term)!]
      .map(([code, groups]) => ({ code, weight: groups.size / (total + SMOOTHING) }))
      .filter((e) => e.weight > 0 && pairs.get(term)!.get(e.code)!.size >= 1)
      .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))
      .slice(0, MAX_CODES_PER_TERM);
    if (entries.length > 0)
      out[term] = entries.map(
        (e) => [e.code, Math.round(e.weight * 1000) / 1000] as [string, number],
      );
  }
  return out;
}
