import type { ProduceIndex } from './produce';

/** Shape of the generated engine index (shared/engine/generated/engine-index.ts). */
export interface EngineIndex {
  formatVersion: 4;
  factorDataset: { name: string; version: string; unit: string; baseYear: number };
  /** Every valid 2017 NAICS 6-digit code, sorted; parallel arrays below. */
  codes: string[];
  titles: string[];
  /** kg CO2e per 2022 USD, purchaser price, with margins; null when EPA has no factor. */
  factors: (number | null)[];
  factorsWithoutMargins: (number | null)[];
  /** Stemmed vocabulary; position = term id. */
  terms: string[];
  /**
   * Phrases, two words found adjacent in at least two NAICS texts ("electric power"): base64 of
   * little-endian uint16 [term id, term id] pairs, the lower id first. Phrase k has the term id
   * terms.length + k in the postings below.
   */
  phrases: string;
  /**
   * Compounds NAICS names products by, head last ("coffee maker": coffee → maker): packed like
   * `phrases`, as [modifier id, head id] pairs sorted.
   */
  compounds: string;
  /**
   * Postings of every term and phrase, in term-id order: base64 of little-endian uint16 pairs
   * [docId, weight]; weight is a pre-multiplied idf × field weight × length norm, scaled by
   * 1000 and rounded. Packed because parsing 137k JSON numbers dominated a cold start.
   */
  postings: string;
  /** Number of [docId, weight] pairs of each term id (phrases included). */
  postingCounts: number[];
  /** Largest weight in each term's postings (a query's ideal score), packed like `phrases`. */
  postingMax: string;
  /** Code index (into `codes`) of each document; documents only exist for priceable codes. */
  docCode: number[];
  /** Crops and catches a line may buy by name (produce.ts). */
  produce: ProduceIndex;
  /** The items documents' "(except …)" clauses name (exclusions.ts): uint16 [docId, n, n term ids] each, packed like `phrases`. */
  exclusions: string;
  /** Term → [[code, weight], …] learned from labelled lines (scripts/learn-associations.ts). */
  learned: LearnedAssociations;
  fx: Record<string, FxSeries>;
  /** CPI-U monthly index from `start` ("YYYY-MM"); null = month not published. */
  cpi: { start: string; values: (number | null)[]; base2022: number };
}

export interface FxSeries {
  /** H.10 country name as published ("Euro", "United Kingdom"). */
  country: string;
  /** First month "YYYY-MM" of `monthly`; values are currency units per US dollar. */
  monthlyStart: string;
  monthly: number[];
  /** First year of `yearly` (annual averages, currency units per US dollar). */
  yearlyStart: number;
  yearly: number[];
  /** Yearly values derived as the mean of 12 monthly values (no yearly series published). */
  yearlyDerived: boolean;
  /** The series ended for good (legacy euro-area currencies): later dates are errors. */
  discontinued: boolean;
}

export type LearnedAssociations = Record<string, [code: string, weight: number][]>;
