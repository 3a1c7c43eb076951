import { getEngine, normaliseDescription } from '../../../../shared/engine';

export interface NaicsHit {
  naics: string;
  title: string;
  factorKgPerUsd: number | null;
  matchedBy: 'code' | 'title' | 'index';
}

/**
 * NAICS search for reviewers: a code prefix, words found in 6-digit titles, and the engine's
 * classifier over titles, index entries and cross-references. Only priceable codes come
 * first; codes without an EPA factor are still listed (a supplier factor may price them).
 */
export function searchNaics(query: string, limit: number): NaicsHit[] {
  const engine = getEngine();
  const { codes, titles } = engine.index;
  const hits = new Map<string, NaicsHit>();
  const add = (i: number, matchedBy: NaicsHit['matchedBy']) => {
    const naics = codes[i]!;
    if (!hits.has(naics)) {
      hits.set(naics, {
        naics,
        title: titles[i]!,
        factorKgPerUsd: engine.factorOf(naics),
        matchedBy,
      });
    }
  };
  const q = query.trim();
  if (/^\d{2,6}$/.test(q)) {
    codes.forEach((code, i) => code.startsWith(q) && add(i, 'code'));
    return [...hits.values()].slice(0, limit);
  }
  const words = normaliseDescription(q)
    .split(' ')
    .filter((w) => w.length > 1);
  const output = engine.classifier.classify(q);
  for (const candidate of [output.best, ...output.alternatives]) {
    if (candidate) add(codes.indexOf(candidate.naics), 'index');
  }
  if (words.length > 0) {
    titles.forEach((title, i) => {
      const text = ` ${normaliseDescription(title)} `;
      if (words.every((w) => text.includes(` ${w}`))) add(i, 'title');
    });
  }
  return [...hits.values()]
    .sort((a, b) => Number(b.factorKgPerUsd !== null) - Number(a.factorKgPerUsd !== null))
    .slice(0, limit);
}
