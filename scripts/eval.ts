/**
 * npm run eval -- data/eval/austin-procurement-dev.csv
 *
 * Scores the classifier on a labelled file using only the description text
 * (COMMODITY_DESCRIPTION + ". " + EXTENDED_DESCRIPTION). Lines labelled -1/-2/-3 are
 * abstentions of the human labeller and are excluded.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Classifier } from '../shared/engine/classify';
import { loadEngineIndex } from '../shared/engine/load-index';
import { formatMetrics, score, type Scored } from './eval-metrics';

export interface LabelledLine {
  commodity: string;
  text: string;
  truth: string;
}

export function readLabelled(path: string): LabelledLine[] {
  const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    commodity: r['COMMODITY'] ?? '',
    text: [r['COMMODITY_DESCRIPTION'], r['EXTENDED_DESCRIPTION']].filter(Boolean).join('. '),
    truth: (r['naics_code_final'] ?? '').trim(),
  }));
}

function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npm run eval -- FILE.csv');
  const index = loadEngineIndex();
  const classifier = new Classifier(index);
  const factorOf = (code: string) => {
    const i = index.codes.indexOf(code);
    return i < 0 ? null : index.factors[i]!;
  };
  const lines = readLabelled(path);
  const scored: Scored[] = lines.map((l) => {
    const out = classifier.classify(l.text);
    return {
      truth: l.truth,
      predicted: out.best?.naics ?? null,
      top3: [out.best, ...out.alternatives].slice(0, 3).flatMap((c) => (c ? [c.naics] : [])),
      confidence: out.best?.confidence ?? 0,
    };
  });
  console.log(
    formatMetrics(
      `${path} — vocabulary classifier (nothing learned from this file)`,
      score(scored, factorOf),
    ),
  );
  if (process.argv.includes('--errors')) {
    lines.forEach((l, i) => {
      const s = scored[i]!;
      if (s.predicted !== s.truth && !l.truth.startsWith('-'))
        console.log(`${l.truth} ${s.predicted} | ${l.text.slice(0, 90)}`);
    });
  }
}

main();
