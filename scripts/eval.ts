/**
 * npm run eval -- data/eval/austin-procurement-dev.csv [--errors]
 *
 * Scores the classifier on a labelled file with the description as the only input
 * (COMMODITY_DESCRIPTION + ". " + EXTENDED_DESCRIPTION). Lines labelled -1/-2/-3 are the
 * labeller's abstentions and are excluded. Prints:
 *  1. the vocabulary classifier alone (nothing learned from the file);
 *  2. 5-fold cross-validation grouped by the first five digits of COMMODITY: associations are
 *     learned on four folds and scored on the fifth — the figure to report;
 *  3. for reference only, the shipped model on the same file (optimistic: it has seen it).
 *
 * npm run eval -- data/eval/everyday-lines.csv [--errors]
 *
 * A file with `description` and `naics` columns is one nothing was learned from: the shipped
 * model is scored on it as it stands.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Classifier } from '../shared/engine/classify';
import { loadEngineIndex } from '../shared/engine/load-index';
import type { LearnedAssociations } from '../shared/engine/index-types';
import { devLinesOf } from './build-engine-index';
import { formatMetrics, score, type Scored } from './eval-metrics';
import { learnAssociations, type TrainingLine } from './learn-associations';

export const FOLDS = 5;

export function foldOf(group: string): number {
  return createHash('sha256').update(`spendprint-cv:${group}`).digest().readUInt32BE(0) % FOLDS;
}

function predict(classifier: Classifier, line: TrainingLine): Scored {
  const out = classifier.classify(line.text);
  return {
    truth: line.naics,
    predicted: out.best?.naics ?? null,
    top3: [out.best, ...out.alternatives].slice(0, 3).flatMap((c) => (c ? [c.naics] : [])),
    confidence: out.best?.confidence ?? 0,
    rawConfidence: out.rawConfidence,
  };
}

export function crossValidate(lines: TrainingLine[], learnedWeight?: number): Scored[] {
  const index = loadEngineIndex();
  const vocabulary = new Set(index.terms);
  const priceable = new Set(index.codes.filter((_, i) => index.factors[i] !== null));
  const scored: Scored[] = new Array(lines.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = lines.filter((l) => foldOf(l.group) !== fold);
    const classifier = new Classifier(
      index,
      learnAssociations(training, vocabulary, priceable),
      learnedWeight,
    );
    lines.forEach((l, i) => {
      if (foldOf(l.group) === fold) scored[i] = predict(classifier, l);
    });
  }
  return scored;
}

/**
 * Share of held-out lines whose code occurs among the training folds' labels: the ceiling of
 * anything learned from the file under the grouped split (a code never seen cannot be learned).
 */
export function heldOutCodeCoverage(lines: readonly TrainingLine[]): number {
  const labelled = lines.filter((l) => !l.naics.startsWith('-'));
  let covered = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const trainingCodes = new Set(
      labelled.filter((l) => foldOf(l.group) !== fold).map((l) => l.naics),
    );
    covered += labelled.filter(
      (l) => foldOf(l.group) === fold && trainingCodes.has(l.naics),
    ).length;
  }
  return covered / labelled.length;
}

/** The rows of a plain labelled file (`description`, `naics`) as lines, or null when it has no such columns. */
export function plainLinesOf(rows: readonly Record<string, string>[]): TrainingLine[] | null {
  if (!rows[0] || !('description' in rows[0]) || !('naics' in rows[0])) return null;
  return rows.map((r) => ({ group: '', text: r['description']!, naics: r['naics']!.trim() }));
}

function printErrors(lines: readonly TrainingLine[], scored: readonly Scored[]): void {
  lines.forEach((l, i) => {
    const s = scored[i]!;
    if (s.predicted !== s.truth && !l.naics.startsWith('-'))
      console.log(`${l.naics} ${s.predicted} ${s.confidence.toFixed(2)} | ${l.text.slice(0, 90)}`);
  });
}

function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npm run eval -- FILE.csv');
  const index = loadEngineIndex();
  const factorOf = (code: string) => {
    const i = index.codes.indexOf(code);
    return i < 0 ? null : index.factors[i]!;
  };
  const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
  const plain = plainLinesOf(rows);
  if (plain) {
    const classifier = new Classifier(index);
    const shipped = plain.map((l) => predict(classifier, l));
    console.log(
      formatMetrics(
        `${path}\n[1] shipped model (nothing was learned from this file)`,
        score(shipped, factorOf),
      ),
    );
    if (process.argv.includes('--errors')) printErrors(plain, shipped);
    return;
  }
  const lines = devLinesOf(rows);
  const none: LearnedAssociations = {};
  const vocabularyClassifier = new Classifier(index, none);
  const vocabularyOnly = lines.map((l) => predict(vocabularyClassifier, l));
  console.log(
    formatMetrics(
      `${path}\n[1] vocabulary classifier alone (nothing learned from this file)`,
      score(vocabularyOnly, factorOf),
    ),
  );
  const cv = crossValidate(lines);
  console.log(
    formatMetrics(
      `[2] ${FOLDS}-fold cross-validation grouped by COMMODITY[0:5] — REPORTED FIGURE`,
      score(cv, factorOf),
    ),
  );
  const coverage = (100 * heldOutCodeCoverage(lines)).toFixed(1);
  console.log(
    `  held-out lines whose code occurs in the training folds: ${coverage}% (the ceiling of what is learned)`,
  );
  const shippedClassifier = new Classifier(index);
  const shipped = lines.map((l) => predict(shippedClassifier, l));
  console.log(
    formatMetrics(
      '[3] shipped model on this file (has seen it; optimistic, reference only)',
      score(shipped, factorOf),
    ),
  );
  if (process.argv.includes('--errors')) printErrors(lines, cv);
}

if (process.argv[1]?.endsWith('eval.ts')) main();
