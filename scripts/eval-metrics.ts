/** Scoring of predicted NAICS codes against labelled lines (used by scripts/eval.ts). */
import { median } from '../shared/stats';

export interface Scored {
  truth: string;
  predicted: string | null;
  top3: string[];
  confidence: number;
  /** Before the calibration map (scripts/fit-calibration.ts). */
  rawConfidence: number;
}

export interface Metrics {
  lines: number;
  abstentions: number;
  exact: number;
  naics3: number;
  top3: number;
  within25: number;
  medianAbsLog: number;
  noPrediction: number;
  reliability: { bin: string; lines: number; meanConfidence: number; accuracy: number }[];
}

export function score(rows: Scored[], factorOf: (code: string) => number | null): Metrics {
  const labelled = rows.filter((r) => !r.truth.startsWith('-'));
  const n = labelled.length;
  let exact = 0,
    naics3 = 0,
    top3 = 0,
    within25 = 0,
    noPrediction = 0;
  const logs: number[] = [];
  const bins = Array.from({ length: 5 }, () => ({ lines: 0, conf: 0, hits: 0 }));
  for (const r of labelled) {
    const truthFactor = factorOf(r.truth);
    const predFactor = r.predicted ? factorOf(r.predicted) : null;
    if (!r.predicted) noPrediction++;
    if (r.predicted === r.truth) exact++;
    if (r.predicted && r.predicted.slice(0, 3) === r.truth.slice(0, 3)) naics3++;
    if (r.top3.includes(r.truth)) top3++;
    // A line without a prediction counts as a miss, at the largest error seen (ln 10).
    const absLog =
      truthFactor && predFactor ? Math.abs(Math.log(predFactor / truthFactor)) : Math.log(10);
    logs.push(absLog);
    if (
      truthFactor &&
      predFactor &&
      predFactor >= truthFactor * 0.75 &&
      predFactor <= truthFactor * 1.25
    )
      within25++;
    const bin = bins[Math.min(4, Math.floor(r.confidence * 5))]!;
    bin.lines++;
    bin.conf += r.confidence;
    if (r.predicted === r.truth) bin.hits++;
  }
  const medianLog = logs.length ? median(logs) : 0;
  return {
    lines: n,
    abstentions: rows.length - n,
    exact: exact / n,
    naics3: naics3 / n,
    top3: top3 / n,
    within25: within25 / n,
    medianAbsLog: medianLog,
    noPrediction,
    reliability: bins.map((b, i) => ({
      bin: `${(i / 5).toFixed(1)}–${((i + 1) / 5).toFixed(1)}`,
      lines: b.lines,
      meanConfidence: b.lines ? b.conf / b.lines : 0,
      accuracy: b.lines ? b.hits / b.lines : 0,
    })),
  };
}

export function formatMetrics(title: string, m: Metrics): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `${title}`,
    `  lines scored ${m.lines} (abstentions excluded: ${m.abstentions}; no prediction: ${m.noPrediction})`,
    `  exact NAICS-6 ${pct(m.exact)}   NAICS-3 ${pct(m.naics3)}   top-3 ${pct(m.top3)}`,
    `  factor within ±25% ${pct(m.within25)}   median |ln(pred/true factor)| ${m.medianAbsLog.toFixed(3)}`,
    `  reliability (confidence bin: lines, mean confidence → exact accuracy)`,
    ...m.reliability.map(
      (b) => `    ${b.bin}: ${b.lines} lines, ${b.meanConfidence.toFixed(2)} → ${pct(b.accuracy)}`,
    ),
  ].join('\n');
}
