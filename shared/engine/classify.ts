import type { EngineIndex, LearnedAssociations } from './index-types';
import { asNaicsWrites, familyAfter, withTradeNames, forEachPhrase, isWrittenHeadLast, itemPhrase, opensWithCapitalCategory, joinCompounds, nextInPhrase, tokenize, type Token } from './text';
import { CONTRACTOR_WORDS, hiresATrade, NAMED_SERVICES, sectorPrior, serviceIndustries, serviceWeights, serviceWordOf, serviceLabelOf, isClassHeading, firstPartLast } from './classify-prior';
import { calibrate, rawConfidences } from './classify-calibration';
import { decodePostings, type Postings } from './postings';
import { PhraseTable } from './phrases';
import { Exclusions } from './exclusions';
import { CompoundHeads } from './compounds';
import { withEverydayMeanings } from './everyday';
import { Produce } from './produce';
import { isConditionWord, isFiber, isMaterialProduct, isMillForm, isPropertyAdjective, makesTheMaterial, materialOfCode, materialOfWord } from './materials';

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
  /** `best`'s confidence before the calibration map (scripts/fit-calibration.ts fits the map to it). */
  rawConfidence: number;
}

/** Bits of Classifier.docKinds: what a document names that a line may not buy. */
const NAMES_SERVICE = 1;
const NAMES_MACHINE = 2;
/** How strongly later words count: procurement text puts the item noun first. */
const POSITION_DECAY = 0.25;
/** Words after the first comma/period segment qualify the item rather than name it. */
const LATER_SEGMENT_WEIGHT = 0.7;
/**
 * Support a code gets from its other matching documents: each adds SUPPORT_SHARE of its score
 * times its relevance (score / ideal) ^ 0.75, so forty documents that each match one weak word of
 * the line ("industrial process-type" for a grease of "industrial type") add less than a few that
 * match most of it.
 */
const SUPPORT_SHARE = 0.2;
/** r^0.75 by two square roots (Math.pow per matching document halved the throughput). */
function relevanceWeight(r: number): number {
  return Math.sqrt(r * Math.sqrt(r));
}
const TOP = 4;
/**
 * Two adjacent words of one comma-separated part that NAICS texts also write side by side, in
 * either order ("CHARGER BATTERY" against "Battery chargers"), count again as a phrase at this
 * share of the weaker word's weight.
 */
const PHRASE_WEIGHT = 0.5;
/** Out-of-vocabulary words fall back to vocabulary words sharing a long prefix, at this weight. */
const RELATED_WEIGHT = 0.7;
const RELATED_MIN_LENGTH = 5;
const RELATED_MIN_PREFIX = 5;
const RELATED_PREFIX_SHARE = 0.6;
const RELATED_MAX = 4;
/**
 * Factor-aware decision: among the top DECISION_POOL codes, with p_i ∝ exp((s_i − s_1)/T), the
 * code minimising the expected |ln(factor error)| Σ p_i |ln f_c − ln f_i| is returned first.
 * When close candidates disagree on the factor, the one in the middle of their factors wins.
 */
const DECISION_POOL = 8;
const DECISION_TEMPERATURE = 0.04;
/**
 * …unless its factor is within 10% of the best-scoring code's and it is less than half as likely
 * (p_i / p_1): then the factor hardly moves, and the best reading keeps its name ("Work boots,
 * steel toe" stays footwear, not plate work).
 */
const FACTOR_MARGIN = Math.log(1.1);
const LESS_LIKELY = 0.5;
/**
 * A code of another part of the economy than the best-scoring one's (the first digit: goods,
 * trade and transport, professional services …) is not chosen when it is less likely than this:
 * "Workers' compensation insurance" stays insurance, not the workers' camps between two factors.
 */
const UNLIKELY_ELSEWHERE = 0.1;
/**
 * An item phrase of this many words or more, written head-last, is a product's name (a brand, a
 * line or model, then the item: "Scotch Heavy Duty Shipping Packaging Tape"): its words weigh by
 * their distance from the head, not from the brand.
 */
const PRODUCT_NAME_WORDS = 5;
/** Weight of the learned term → code associations next to the vocabulary score. */
export const LEARNED_WEIGHT = 1.5;
/**
 * What the development file taught for a word that only qualifies the head of a line read
 * head-last counts this much: its "printer" lines were printers, not printer paper.
 */
const LEARNED_MODIFIER_WEIGHT = 0.5;
/**
 * Added to the code an everyday meaning names (everyday.ts): the meaning's words alone leave the
 * industry behind goods with many entries for one of them (the 76 appliance entries that say
 * "electric" outscore "Distribution of electric power" for "Electric bill").
 */
const MEANING_BONUS = 0.3;
/**
 * For a line that buys a crop or a catch as it is (produce.ts), the score of the other farms,
 * fisheries and food makers: the farm names the crop in long entries ("Onion farming, field,
 * bedding plant and seed production") that weigh little against a food made from it ("Onions
 * pickled"), and seafood preparation does not name the fish at all ("Shrimp fishing" does).
 */
const PRODUCE_RIVAL = 0.35;
/**
 * A document without the head of the compound the line's item ends on counts this much
 * ("Coffee maker": the documents of coffee alone are not about the item).
 */
const WITHOUT_HEAD = 0.8;
/** …and without the last word of a phrase of goods written head-last ("Printer ink", not printers). */
const WITHOUT_LAST_WORD = 0.7;
/**
 * A document that names a service (repair, rental, training …) counts this much for a line that
 * names none: "Two-way radio repair and maintenance services" is not where radio parts come from.
 */
const SERVICE_NOT_BOUGHT = 0.8;
/**
 * …and a document that names machinery, for a line of goods that names none: "Envelopes" are not
 * "Envelope making machinery".
 */
const MACHINE_NOT_BOUGHT = 0.8;
const MACHINE_WORDS = ['machinery', 'machine'];
/**
 * Labor bought with the work it does is no word of its own ("Plumbing labor", "Steel erection
 * labor"): NAICS's labor texts are labor unions. Nor is the contractor who does it ("Electrical
 * contractor"): a hundred apparel contractors' entries would outweigh the trade. Labor still says
 * the line buys a service.
 */
const LABOR = new Set(['labor', 'labour', ...CONTRACTOR_WORDS]);
/** Score factor for a code whose material the line contradicts (see materials.ts). */
const MATERIAL_CONFLICT = 0.7;
/**
 * …and for a maker of goods of the material the line names (not of the material itself, see
 * makesTheMaterial): "Mat, anti-fatigue, rubber" is a rubber product, not a linen supplier's mat;
 * "FILTER COFFEE 12 CUP PAPER" a paper filter, not an air filter.
 */
const MATERIAL_MATCH = 1.2;
/**
 * A material qualifies the item when another word follows it in its phrase ("Steel filing cabinet")
 * or when it comes after the first word ("BOOTS, STEEL TOE"; not right after a mill shape, "TUBING
 * CU"), as a word of its history does
 * anywhere ("Recycled copy paper") and an adjective of a property does before a noun ("Wireless
 * mouse"): it must not outweigh it.
 */
const MODIFIER_WEIGHT = 0.5;

/** A distinct word of the line: its largest weight, largest known weight and ideal score. */
interface WordScore {
  weight: number;
  known: number;
  ideal: number;
}

/** Whether tokens[i], of `material` if it names one (or a fibre), qualifies the item rather than names it (weighted MODIFIER_WEIGHT). */
function isModifier(tokens: readonly Token[], i: number, material: string | undefined): boolean {
  const { term, position } = tokens[i]!;
  if (isConditionWord(term)) return true;
  if (material || isFiber(term)) {
    if (isMaterialProduct(term)) return false;
    if (position > 0) return !followsMillShape(tokens, i);
    // A shape a mill makes of the material is the material's product ("Copper wire").
    const next = nextInPhrase(tokens, i);
    return next !== undefined && !isMillForm(next.term);
  }
  return isPropertyAdjective(term) && nextInPhrase(tokens, i) !== undefined;
}

/**
 * Whether material word tokens[i] names what is bought rather than what it is made of: the
 * material alone or a shape a mill makes of it ("Copper wire", "TUBING CU", "STEEL, SHEET", "copy paper").
 */
function buysTheMaterial(tokens: readonly Token[], i: number): boolean {
  const { term, position } = tokens[i]!;
  const next = nextInPhrase(tokens, i);
  if (position > 0) return followsMillShape(tokens, i) || (isMaterialProduct(term) && next === undefined);
  return next === undefined || isMillForm(next.term);
}

/** Whether the word before tokens[i] is a shape a mill makes, which the material names ("TUBING CU"). */
function followsMillShape(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  return previous !== undefined && previous.position === tokens[i]!.position - 1 && isMillForm(previous.term);
}

/** Inserts into `top` (by score, then code), keeping at most DECISION_POOL entries. */
function insertRanked(top: { code: number; score: number }[], code: number, score: number): void {
  let at = top.length;
  while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && top[at - 1]!.code > code))) at--;
  top.splice(at, 0, { code, score });
  if (top.length > DECISION_POOL) top.pop();
}

/**
 * Vocabulary classifier: weighted term overlap (BM25-like, weights pre-computed at build time)
 * between the line and every NAICS text of a priceable code (titles, index entries, examples,
 * cross-references, descriptions); a code scores its best document plus a little support from
 * the rest, times a sector prior, and the scores become calibrated probabilities.
 */
export class Classifier {
  private readonly termId: Map<string, number>;
  /**
   * Each document's code index. JSON.parse leaves the index's array with generic elements, which
   * made every code-indexed access in the per-document loop generic: typed, a line takes a third
   * of the time.
   */
  private readonly docCode: Uint32Array;
  private readonly docScore: Float64Array;
  /**
   * Marks of the documents that hold the current line's head: headMark when they do, so a new
   * line's marks need no clearing of the last one's.
   */
  private readonly hasHead: Uint32Array;
  private headMark = 0;
  private readonly exclusions: Exclusions;
  /** The term ids of NAMED_SERVICES and MACHINE_WORDS, and per document the NAMES_* bits of those it holds. */
  private readonly serviceTerms: number[];
  private readonly machineTerms: number[];
  private readonly docKinds: Uint8Array;
  private readonly codeBest: Float64Array;
  private readonly codeSum: Float64Array;
  /** Scratch list of the documents a line touches (reused: no allocation per line). */
  private readonly touchedDocs: Uint16Array;
  private readonly prior: Float64Array;
  /** `prior` for a line that buys a service (contractors not lowered). */
  private readonly servicePrior: Float64Array;
  /** `prior` for a line that hires a contractor or a trade's work (hiresATrade: construction as likely as any other service). */
  private readonly contractorPrior: Float64Array;
  /** Each service word's weights of the codes (serviceWeights), made on first use. */
  private readonly serviceWeights = new Map<string, Float64Array>();
  private readonly postings: Postings;
  private readonly codeMaterial: (string | undefined)[];
  /** MATERIAL_MATCH for a code that makes goods of its material, 1 for one that makes the material itself (unless the line buys it). */
  private readonly materialMatch: Float64Array;
  private readonly learnedScore: Float64Array;
  private readonly relatedCache = new Map<string, readonly number[]>();
  /** The current line's weight of each vocabulary term, and those terms in first-seen order. */
  private readonly termWeight: Float64Array;
  private readonly lineTerms: number[] = [];
  /** The term ids of the current line's item words before its head (scratch, reused). */
  private readonly modifierIds: number[] = [];
  /** Learned associations by term id, flattened [codeIndex, weight, …]. */
  private readonly learned: Map<number, number[]>;
  private readonly phrases: PhraseTable;
  private readonly compoundHeads: CompoundHeads;
  private readonly codeIndex: Map<string, number>;
  /** MEANING_BONUS for the codes the current line's everyday meanings (or the crop it buys) name. */
  private readonly meaningScore: Float64Array;
  private readonly produce: Produce;
  /** 1 for the codes of farms, fisheries and food and beverage makers (11, 311, 312). */
  private readonly growsOrMakesFood: Uint8Array;

  constructor(
    private readonly index: EngineIndex,
    learned: LearnedAssociations = index.learned,
    private readonly learnedWeight = LEARNED_WEIGHT,
  ) {
    const codeIndex = new Map(index.codes.map((c, i) => [c, i]));
    this.codeIndex = codeIndex;
    this.meaningScore = new Float64Array(index.codes.length);
    this.learnedScore = new Float64Array(index.codes.length);
    this.termId = new Map(index.terms.map((t, i) => [t, i]));
    this.termWeight = new Float64Array(index.postingCounts.length);
    this.phrases = new PhraseTable(index.phrases, index.terms.length);
    this.compoundHeads = new CompoundHeads(index.compounds, index.terms.length, this.termId);
    this.produce = new Produce(index.produce);
    this.growsOrMakesFood = Uint8Array.from(index.codes, (code) => (/^(?:11|31[12])/.test(code) ? 1 : 0));
    this.docCode = Uint32Array.from(index.docCode);
    this.docScore = new Float64Array(index.docCode.length);
    this.hasHead = new Uint32Array(index.docCode.length);
    this.exclusions = new Exclusions(index.exclusions, index.docCode.length, index.terms.length);
    this.touchedDocs = new Uint16Array(index.docCode.length);
    this.codeBest = new Float64Array(index.codes.length);
    this.codeSum = new Float64Array(index.codes.length);
    this.prior = Float64Array.from(index.codes, (c, i) => sectorPrior(c, index.titles[i]!));
    this.servicePrior = Float64Array.from(index.codes, (c, i) => sectorPrior(c, index.titles[i]!, 'service'));
    this.contractorPrior = Float64Array.from(index.codes, (c, i) => sectorPrior(c, index.titles[i]!, 'contractor'));
    this.postings = decodePostings(index);
    this.docKinds = new Uint8Array(index.docCode.length);
    this.serviceTerms = this.markHolders(NAMED_SERVICES, NAMES_SERVICE);
    this.machineTerms = this.markHolders(MACHINE_WORDS, NAMES_MACHINE);
    this.codeMaterial = index.codes.map((code, i) => materialOfCode(code, index.titles[i]!));
    this.materialMatch = Float64Array.from(index.codes, (code) => (makesTheMaterial(code) ? 1 : MATERIAL_MATCH));
    this.learned = new Map();
    for (const [term, pairs] of Object.entries(learned)) {
      const id = this.termId.get(term);
      if (id === undefined) continue;
      this.learned.set(id, pairs.flatMap(([code, w]) => (codeIndex.has(code) ? [codeIndex.get(code)!, w] : [])));
    }
  }

  /**
   * Accumulates, for every code the line's words touch, its vocabulary score (best document
   * plus support, normalised by the query's ideal score, before the prior) into `vocabScore`
   * and its learned association score into `learnedScore`; returns the touched codes, the
   * materials the line names and the share of its word weight the vocabulary knows.
   * The caller must reset both arrays for the returned codes.
   */
  private accumulate(text: string): { touched: number[]; materials: Set<string>; buysMaterial: boolean; knownShare: number; service?: Float64Array; hiresTrade: boolean; producer?: number } {
    const line = asNaicsWrites(text);
    const written = tokenize(line);
    const label = serviceLabelOf(written);
    const headed = label || isClassHeading(written) || (opensWithCapitalCategory(line) && written[0]?.segment === 0 && written.some((t) => t.segment === 1));
    const ordered = headed ? firstPartLast(written) : written;
    const tokens = withEverydayMeanings(joinCompounds(withTradeNames(ordered), this.isTerm), this.isTerm);
    const item = itemPhrase(tokens);
    const serviceWord = serviceWordOf(item, label);
    const service = this.serviceWeightsOf(serviceWord);
    const hiresTrade = hiresATrade(serviceWord);
    const head = this.compoundHeads.headOf(item, () => service === undefined && isWrittenHeadLast(line), familyAfter(tokens, item.at(-1)));
    const headPosition = head && !head.compound && item.length >= PRODUCT_NAME_WORDS ? item.at(-1)!.position : undefined;
    const materials = new Set<string>();
    let buysMaterial = false;
    const words = new Map<string, WordScore>();
    /** Each token's weight and vocabulary id (undefined when the vocabulary lacks the word), for its phrases. */
    const tokenWeight: number[] = [];
    const tokenId: (number | undefined)[] = [];
    const { termWeight, lineTerms } = this;
    const meaningCodes = new Set<number>();
    const producerNaics = this.produce.producerOf(tokens, item, this.isTerm);
    const producer = producerNaics === undefined ? undefined : this.codeIndex.get(producerNaics)!;
    if (producer !== undefined) meaningCodes.add(producer);
    tokens.forEach((t, i) => {
      if (t.naics) meaningCodes.add(this.codeIndex.get(t.naics)!);
      const inName = headPosition !== undefined && t.segment === 0 && t.clause === 0;
      const at = this.writtenPosition(tokens, i);
      const position = inName ? Math.abs(headPosition - at) : at; // the head's family words follow it
      let w = (t.segment === 0 ? 1 : LATER_SEGMENT_WEIGHT) / (1 + POSITION_DECAY * position);
      const material = materialOfWord(t.term);
      if (material) materials.add(material);
      if (material && buysTheMaterial(tokens, i)) buysMaterial = true;
      if (isModifier(tokens, i, material)) w *= MODIFIER_WEIGHT;
      if (LABOR.has(t.term) && tokens.length > 1) w = 0;
      const id = this.termId.get(t.term);
      const weight = id !== undefined ? w : RELATED_WEIGHT * w;
      let best = 0;
      let known = true;
      if (id !== undefined) best = this.weighTerm(id, weight);
      else {
        const related = this.relatedTerms(t.term);
        for (const r of related) best = Math.max(best, this.weighTerm(r, weight));
        known = related.length > 0;
      }
      let score = words.get(t.term);
      if (!score) words.set(t.term, (score = { weight: 0, known: 0, ideal: 0 }));
      // A word counts once in the ideal score, even when it falls back to several related words.
      score.ideal = Math.max(score.ideal, best);
      score.weight = Math.max(score.weight, w);
      if (known) score.known = Math.max(score.known, weight);
      tokenWeight.push(w);
      tokenId.push(id);
    });
    let ideal = this.weighPhrases(tokens, tokenId, tokenWeight);
    let knownWeight = 0;
    let wordWeight = 0;
    for (const score of words.values()) {
      knownWeight += score.known;
      wordWeight += score.weight;
      ideal += score.ideal;
    }
    const knownShare = knownWeight / (wordWeight || 1);
    const touched: number[] = [];
    if (lineTerms.length === 0) return { touched, materials, buysMaterial, knownShare, service, hiresTrade }; // a meaning's words are vocabulary words
    const { docCode, docScore, codeBest, codeSum, learnedScore, touchedDocs, hasHead } = this;
    let touchedDocCount = 0;
    const { data, start } = this.postings;
    if (head) this.markHeadDocuments(head.term);
    const { headMark, exclusions } = this;
    const excludedMark = exclusions.markFor(tokenId);
    const excludedDocs = exclusions.docMarks;
    const withoutHead = head?.compound ? WITHOUT_HEAD : WITHOUT_LAST_WORD;
    const buysNoService = !this.serviceTerms.some((id) => termWeight[id]! > 0);
    const buysNoMachine = buysNoService && !this.machineTerms.some((id) => termWeight[id]! > 0);
    const notBought = (buysNoService ? NAMES_SERVICE : 0) | (buysNoMachine ? NAMES_MACHINE : 0);
    const { docKinds } = this;
    for (const id of lineTerms) {
      const w = termWeight[id]!;
      for (let i = 2 * start[id]!; i < 2 * start[id + 1]!; i += 2) {
        const doc = data[i]!;
        if (docScore[doc] === 0) touchedDocs[touchedDocCount++] = doc;
        docScore[doc]! += w * data[i + 1]!;
      }
    }
    for (let k = 0; k < touchedDocCount; k++) {
      const doc = touchedDocs[k]!;
      const code = docCode[doc]!;
      let s = docScore[doc]!;
      docScore[doc] = 0;
      if (head && hasHead[doc] !== headMark) s *= withoutHead;
      // No support from a document only weightless words touched, or whose "(except …)" names the item.
      if (s === 0 || (excludedMark !== 0 && excludedDocs[doc] === excludedMark)) continue;
      const unbought = docKinds[doc]! & notBought;
      if (unbought & NAMES_SERVICE) s *= SERVICE_NOT_BOUGHT;
      if (unbought & NAMES_MACHINE) s *= MACHINE_NOT_BOUGHT;
      if (codeSum[code] === 0) touched.push(code);
      codeSum[code]! += s * relevanceWeight(s / ideal);
      if (s > codeBest[code]!) codeBest[code] = s;
    }
    for (const code of touched) {
      const best = codeBest[code]!;
      const support = codeSum[code]! - best * relevanceWeight(best / ideal);
      codeSum[code] = (best + SUPPORT_SHARE * support) / ideal;
      codeBest[code] = 1;
    }
    let queryWeight = 0;
    const wordCount = this.index.terms.length;
    for (const id of lineTerms) if (id < wordCount) queryWeight += termWeight[id]!; // phrases learn nothing
    const modifiers = this.modifierIds;
    modifiers.length = 0;
    if (head) for (let k = 0; k + 1 < item.length; k++) modifiers.push(this.termId.get(item[k]!.term) ?? -1);
    for (const id of lineTerms) {
      const w = termWeight[id]! * (id !== head?.term && modifiers.includes(id) ? LEARNED_MODIFIER_WEIGHT : 1);
      const pairs = this.learned.get(id);
      if (!pairs) continue;
      for (let i = 0; i < pairs.length; i += 2) {
        const code = pairs[i]!;
        if (codeBest[code] === 0) {
          touched.push(code);
          codeBest[code] = 1;
        }
        learnedScore[code]! += (w * pairs[i + 1]!) / queryWeight;
      }
    }
    for (const code of meaningCodes) {
      if (codeBest[code] === 0) {
        touched.push(code);
        codeBest[code] = 1;
      }
      this.meaningScore[code] = MEANING_BONUS;
    }
    for (const id of lineTerms) termWeight[id] = 0;
    lineTerms.length = 0;
    return { touched, materials, buysMaterial, knownShare, service, hiresTrade, producer };
  }

  private readonly isTerm = (term: string): boolean => this.termId.has(term);

  /** Sets `bit` in docKinds for every document that holds one of `words`; returns their term ids. */
  private markHolders(words: readonly string[], bit: number): number[] {
    const terms = words.flatMap((word) => this.termId.get(word) ?? []);
    const { data, start } = this.postings;
    for (const id of terms) for (let i = 2 * start[id]!; i < 2 * start[id + 1]!; i += 2) this.docKinds[data[i]!]! |= bit;
    return terms;
  }

  /** Sets marks[doc] to `mark` for every document that holds the term. */
  private markDocuments(marks: Uint32Array, term: number, mark: number): void {
    const { data, start } = this.postings;
    for (let i = 2 * start[term]!; i < 2 * start[term + 1]!; i += 2) marks[data[i]!] = mark;
  }

  /**
   * Marks (hasHead) the documents that hold the head or a word sharing its long prefix, as
   * relatedTerms finds them ("Physical therapy" in "Offices of physical therapists").
   */
  private markHeadDocuments(head: number): void {
    if (this.headMark === 0xffffffff) {
      this.hasHead.fill(0);
      this.headMark = 0;
    }
    const mark = ++this.headMark;
    this.markDocuments(this.hasHead, head, mark);
    for (const related of this.relatedTerms(this.index.terms[head]!)) this.markDocuments(this.hasHead, related, mark);
  }

  /** The codes' weights for a line whose item part ends on `word`, if it is a service word. */
  private serviceWeightsOf(word: string): Float64Array | undefined {
    const industries = serviceIndustries(word);
    if (!industries) return undefined;
    let weights = this.serviceWeights.get(word);
    if (!weights) this.serviceWeights.set(word, (weights = serviceWeights(this.index.codes, industries)));
    return weights;
  }

  /**
   * Records the weight of each phrase of the line (PHRASE_WEIGHT of its weaker word's); returns
   * their ideal score, each distinct phrase counted once.
   */
  private weighPhrases(tokens: readonly Token[], tokenId: readonly (number | undefined)[], tokenWeight: readonly number[]): number {
    const phrases = new Set<number>();
    forEachPhrase(tokens, (a, b) => {
      const first = tokenId[a];
      const second = tokenId[b];
      const phrase = first !== undefined && second !== undefined ? this.phrases.idOf(first, second) : undefined;
      if (phrase === undefined) return;
      this.weighTerm(phrase, PHRASE_WEIGHT * Math.min(tokenWeight[a]!, tokenWeight[b]!));
      phrases.add(phrase);
    });
    let ideal = 0;
    for (const phrase of phrases) ideal += this.termWeight[phrase]! * this.postings.max[phrase]!;
    return ideal;
  }

  /** Records a line's weight for a vocabulary term (the largest wins); returns its ideal score. */
  private weighTerm(id: number, weight: number): number {
    const previous = this.termWeight[id]!;
    if (previous === 0) this.lineTerms.push(id);
    if (weight > previous) this.termWeight[id] = weight;
    return weight * this.postings.max[id]!;
  }

  /** Every touched code with its vocabulary score (before prior) and learned score (diagnostics, eval). */
  scoreAll(text: string): { code: string; vocabulary: number; learned: number }[] {
    const { touched } = this.accumulate(text);
    const { codeBest, codeSum, learnedScore } = this;
    return touched.map((code) => {
      const out = { code: this.index.codes[code]!, vocabulary: codeSum[code]!, learned: learnedScore[code]! };
      codeBest[code] = 0;
      this.meaningScore[code] = 0;
      codeSum[code] = 0;
      learnedScore[code] = 0;
      return out;
    });
  }

  /**
   * Vocabulary words sharing a long prefix with a word the vocabulary lacks ("lubricant" →
   * "lubricating", "lubricated"; "protection" → "protective"): a derivational fallback that the
   * plural-only stemmer leaves out on purpose. At most RELATED_MAX words, by shortest.
   */
  private relatedTerms(term: string): readonly number[] {
    let hit = this.relatedCache.get(term);
    if (hit) return hit;
    hit = [];
    if (term.length >= RELATED_MIN_LENGTH) {
      const prefix = term.slice(0, Math.max(RELATED_MIN_PREFIX, Math.ceil(RELATED_PREFIX_SHARE * term.length)));
      const terms = this.index.terms;
      let lo = 0,
        hi = terms.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (terms[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      const found: number[] = [];
      for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) found.push(i);
      found.sort((a, b) => terms[a]!.length - terms[b]!.length || a - b);
      hit = found.slice(0, RELATED_MAX);
    }
    if (this.relatedCache.size >= 20_000) this.relatedCache.clear();
    this.relatedCache.set(term, hit);
    return hit;
  }

  /** A family word standing for a written word NAICS does not write ("fridge" → refrigerator) takes its place. */
  private writtenPosition(tokens: readonly Token[], i: number): number {
    let w = i;
    while (w > 0 && tokens[w]!.family) w--;
    return tokens[i]!.family && !this.termId.has(tokens[w]!.term) ? tokens[w]!.position : tokens[i]!.position;
  }

  /** Index into `ranked` (sorted by score) of the code with the least expected |ln factor error|. */
  private decide(ranked: readonly { code: number; score: number }[]): number {
    // A line that reads best as an unpriced code (electricity) keeps it: "no factor" is the answer.
    if (ranked.length < 2 || this.index.factors[ranked[0]!.code] === null) return 0;
    const top = ranked[0]!.score;
    const weights = ranked.map((r) => Math.exp((r.score - top) / DECISION_TEMPERATURE));
    const logFactors = ranked.map((r) => Math.log(this.index.factors[r.code] ?? NaN));
    let chosen = 0;
    let least = Infinity;
    const division = this.index.codes[ranked[0]!.code]![0];
    for (let a = 0; a < ranked.length; a++) {
      if (Number.isNaN(logFactors[a])) continue;
      if (weights[a]! < UNLIKELY_ELSEWHERE && this.index.codes[ranked[a]!.code]![0] !== division) continue;
      let loss = 0;
      for (let b = 0; b < ranked.length; b++) {
        if (!Number.isNaN(logFactors[b])) loss += weights[b]! * Math.abs(logFactors[a]! - logFactors[b]!);
      }
      if (loss < least - 1e-12) {
        least = loss;
        chosen = a;
      }
    }
    const barelyMoves = Math.abs(logFactors[chosen]! - logFactors[0]!) < FACTOR_MARGIN;
    return barelyMoves && weights[chosen]! < LESS_LIKELY ? 0 : chosen;
  }

  /** A code's factor for the materials the line names: MATERIAL_CONFLICT, MATERIAL_MATCH or 1. */
  private materialFit(code: number, materials: ReadonlySet<string>, buysMaterial: boolean): number {
    const material = this.codeMaterial[code];
    if (!material || materials.size === 0) return 1;
    if (!materials.has(material)) return MATERIAL_CONFLICT;
    return buysMaterial ? MATERIAL_MATCH : this.materialMatch[code]!;
  }

  classify(text: string): ClassifierOutput {
    const { touched: touchedCodes, materials, buysMaterial, knownShare, service, hiresTrade, producer } = this.accumulate(text);
    if (touchedCodes.length === 0) return { best: null, alternatives: [], rawConfidence: 0 };
    const prior = hiresTrade ? this.contractorPrior : service ? this.servicePrior : this.prior;
    const { codeBest, codeSum, learnedScore } = this;
    const top: { code: number; score: number }[] = [];
    for (const code of touchedCodes) {
      const fit = this.materialFit(code, materials, buysMaterial);
      // A service line's weights count for the learned associations too ("Computer repair" is not a computer).
      const served = service ? service[code]! : 1;
      const rival = producer !== undefined && code !== producer && this.growsOrMakesFood[code] ? PRODUCE_RIVAL : 1;
      const vocabulary = codeSum[code]! * prior[code]! * fit;
      const score = served * rival * (vocabulary + this.learnedWeight * learnedScore[code]!) + this.meaningScore[code]!;
      codeBest[code] = 0;
      this.meaningScore[code] = 0;
      codeSum[code] = 0;
      learnedScore[code] = 0;
      if (top.length < DECISION_POOL || score > top[top.length - 1]!.score) insertRanked(top, code, score);
    }
    const chosen = this.decide(top);
    if (chosen > 0) top.unshift(...top.splice(chosen, 1));
    top.length = Math.min(top.length, TOP);
    const raw = rawConfidences(Float64Array.from(top, (t) => t.score), knownShare);
    const probabilities = calibrate(raw);
    const candidates = top.map((t, i): Candidate => ({
      naics: this.index.codes[t.code]!,
      title: this.index.titles[t.code]!,
      confidence: probabilities[i]!,
      factorKgPerUsd: this.index.factors[t.code]!,
    }));
    return { best: candidates[0]!, alternatives: candidates.slice(1), rawConfidence: raw[0] ?? 0 };
  }
}
