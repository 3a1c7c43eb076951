import type { EngineIndex, LearnedAssociations } from './index-types';
import { tokenize } from './text';
import { sectorPrior } from './classify-prior';
import { calibrate } from './classify-calibration';

export interface Candidate {
  naics: string;
  title: string;
  confidence: number;
  /** kg CO2e per 2022 USD with margins; null when EPA has no factor for the code. */
  factorKgPerUsd: number | null;
}

export interface ClassifierOutput {
  best: Candidate | null;
  /** Up to three runners-up after `best`. */
  alternatives: Candidate[];
  /** Stemmed words the classifier used (for explanations; never stored). */
  matchedTerms: string[];
}

/** How strongly later words count: procurement text puts the item noun first. */
const POSITION_DECAY = 0.25;
/** Words after the first comma/period segment qualify the item rather than name it. */
const LATER_SEGMENT_WEIGHT = 0.7;
/** Share of a code's other matching documents added to its best document. */
const SUPPORT_SHARE = 0.08;
const TOP = 4;
/** Weight of the learned term → code associations next to the vocabulary score. */
export const LEARNED_WEIGHT = 1;

/**
 * Vocabulary classifier: weighted term overlap (BM25-like, weights pre-computed at build time)
 * between the line and every NAICS text of a priceable code (titles, index entries, examples,
 * cross-references, descriptions); a code scores its best document plus a little support from
 * the rest, times a sector prior, and the scores become calibrated probabilities.
 */
export class Classifier {
  private readonly termId: Map<string, number>;
  private readonly docScore: Float64Array;
  private readonly codeBest: Float64Array;
  private readonly codeSum: Float64Array;
  private readonly prior: Float64Array;
  private readonly maxPosting: Float64Array;
  private readonly learnedScore: Float64Array;
  /** Learned associations by term id, flattened [codeIndex, weight, …]. */
  private readonly learned: Map<number, number[]>;

  constructor(
    private readonly index: EngineIndex,
    learned: LearnedAssociations = index.learned,
    private readonly learnedWeight = LEARNED_WEIGHT,
  ) {
    const codeIndex = new Map(index.codes.map((c, i) => [c, i]));
    this.learnedScore = new Float64Array(index.codes.length);
    this.termId = new Map(index.terms.map((t, i) => [t, i]));
    this.docScore = new Float64Array(index.docCode.length);
    this.codeBest = new Float64Array(index.codes.length);
    this.codeSum = new Float64Array(index.codes.length);
    this.prior = Float64Array.from(index.codes, (c, i) => sectorPrior(c, index.titles[i]!));
    this.maxPosting = Float64Array.from(index.postings, (p) => {
      let m = 0;
      for (let i = 1; i < p.length; i += 2) m = Math.max(m, p[i]!);
      return m;
    });
    this.learned = new Map();
    for (const [term, pairs] of Object.entries(learned)) {
      const id = this.termId.get(term);
      if (id === undefined) continue;
      this.learned.set(id, pairs.flatMap(([code, w]) => (codeIndex.has(code) ? [codeIndex.get(code)!, w] : [])));
    }
  }

  classify(text: string): ClassifierOutput {
    const tokens = tokenize(text);
    const weightByTerm = new Map<number, number>();
    for (const t of tokens) {
      const id = this.termId.get(t.term);
      if (id === undefined) continue;
      const w = (t.segment === 0 ? 1 : LATER_SEGMENT_WEIGHT) / (1 + POSITION_DECAY * t.position);
      weightByTerm.set(id, Math.max(weightByTerm.get(id) ?? 0, w));
    }
    const matchedTerms = [...weightByTerm.keys()].map((id) => this.index.terms[id]!);
    if (weightByTerm.size === 0) return { best: null, alternatives: [], matchedTerms };

    const { docScore, codeBest, codeSum } = this;
    const touchedDocs: number[] = [];
    let ideal = 0;
    for (const [id, w] of weightByTerm) {
      const postings = this.index.postings[id]!;
      ideal += w * this.maxPosting[id]!;
      for (let i = 0; i < postings.length; i += 2) {
        const doc = postings[i]!;
        if (docScore[doc] === 0) touchedDocs.push(doc);
        docScore[doc]! += w * postings[i + 1]!;
      }
    }
    const touchedCodes: number[] = [];
    for (const doc of touchedDocs) {
      const code = this.index.docCode[doc]!;
      const s = docScore[doc]!;
      docScore[doc] = 0;
      if (codeSum[code] === 0) touchedCodes.push(code);
      codeSum[code]! += s;
      if (s > codeBest[code]!) codeBest[code] = s;
    }
    const { learnedScore } = this;
    let queryWeight = 0;
    for (const w of weightByTerm.values()) queryWeight += w;
    for (const [id, w] of weightByTerm) {
      const pairs = this.learned.get(id);
      if (!pairs) continue;
      for (let i = 0; i < pairs.length; i += 2) {
        const code = pairs[i]!;
        if (codeSum[code] === 0 && learnedScore[code] === 0) touchedCodes.push(code);
        learnedScore[code]! += (w * pairs[i + 1]!) / queryWeight;
      }
    }
    const top: { code: number; score: number }[] = [];
    for (const code of touchedCodes) {
      const best = codeBest[code]!;
      const vocabulary = ((best + SUPPORT_SHARE * (codeSum[code]! - best)) / ideal) * this.prior[code]!;
      const score = vocabulary + this.learnedWeight * learnedScore[code]!;
      codeBest[code] = 0;
      codeSum[code] = 0;
      learnedScore[code] = 0;
      if (top.length < TOP || score > top[top.length - 1]!.score) {
        top.push({ code, score });
        top.sort((a, b) => b.score - a.score || a.code - b.code);
        if (top.length > TOP) top.pop();
      }
    }
    const probabilities = calibrate(top.map((t) => t.score));
    const candidates = top.map((t, i): Candidate => ({
      naics: this.index.codes[t.code]!,
      title: this.index.titles[t.code]!,
      confidence: probabilities[i]!,
      factorKgPerUsd: this.index.factors[t.code]!,
    }));
    return { best: candidates[0] ?? null, alternatives: candidates.slice(1), matchedTerms };
  }
}
