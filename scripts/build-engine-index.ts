/**
 * Builds shared/engine/generated/engine-index.ts from the files in data/ (see data/README.md).
 * All heavy preparation (tokenising 20k index entries, idf, length norms, FX and CPI tables)
 * happens here so a cold Worker only has to JSON.parse one string.
 *
 *   npm run build:data            write the generated module
 *   npm run build:data -- --check exit 1 when the committed module is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { forEachPhrase, phraseKey, joinCompounds, tokenize, type Token } from '../shared/engine/text';
import { H10_COUNTRY_BY_CURRENCY, LEGACY_CURRENCIES } from '../shared/engine/currencies';
import type { EngineIndex, FxSeries } from '../shared/engine/index-types';
import { isQualifier, sourceOfEntry, type ProduceIndex } from '../shared/engine/produce';
import { learnAssociations, type TrainingLine } from './learn-associations';
import { exceptedItems, packExclusions } from './engine-exclusions';

export const DEV_FILE = 'eval/austin-procurement-dev.csv';

/** Labelled development lines: description = COMMODITY_DESCRIPTION + ". " + EXTENDED_DESCRIPTION. */
export function readDevLines(path = join(ROOT, 'data', DEV_FILE)): TrainingLine[] {
  return devLinesOf(parse(readFileSync(path), { columns: true }) as Row[]);
}

/** The development file's rows (parsed CSV) as labelled lines (see readDevLines). */
export function devLinesOf(rows: readonly Row[]): TrainingLine[] {
  return rows.map((r) => ({
    group: (r['COMMODITY'] ?? '').slice(0, 5),
    text: [r['COMMODITY_DESCRIPTION'], r['EXTENDED_DESCRIPTION']].filter(Boolean).join('. '),
    naics: (r['naics_code_final'] ?? '').trim(),
  }));
}

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GENERATED_PATH = join(ROOT, 'shared/engine/generated/engine-index.ts');

/** Relative weight of each kind of NAICS text as evidence for its code. */
const FIELD_WEIGHT = {
  title: 1.0,
  indexEntry: 1.0,
  example: 0.9,
  crossReference: 0.75,
  description: 0.35,
} as const;
/** Extra weight for the first word of an index entry ("Couplings, pipe, …"): its head noun. */
const HEAD_BOOST = 1.5;
const LENGTH_NORM_B = 0.5;

type Row = Record<string, string>;
const readCsv = (path: string): Row[] =>
  parse(readFileSync(join(ROOT, 'data', path)), {
    columns: true,
    skip_empty_lines: false,
  }) as Row[];
const readCsvRows = (path: string): string[][] =>
  parse(readFileSync(join(ROOT, 'data', path)), { columns: false }) as string[][];

const cleanTitle = (title: string) =>
  title
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/T$/, '')
    .trim();

/** A phrase (two adjacent words) in fewer documents than this gets no term of its own. */
const MIN_PHRASE_DOCS = 2;

interface Doc {
  code: string;
  weight: number;
  terms: string[];
  /** Adjacent word pairs within one comma-separated part (see phraseKey); none for descriptions. */
  phrases: string[];
  /** The items of its "(except …)" clauses: a line that names one is not this document's. */
  excluded: string[][];
}
type TokenisedDoc = Omit<Doc, 'terms' | 'phrases'> & { tokens: Token[] };

/**
 * The documents' words, with compounds the vocabulary also writes closed joined as the
 * classifier joins a line's ("chain saws" in one entry and "chainsaws" in another are one word),
 * and their phrases. A description's prose pairs words that name no product ("primarily engaged").
 */
function joinDocumentCompounds(docs: readonly TokenisedDoc[]): Doc[] {
  const vocabulary = new Set(docs.flatMap((d) => d.tokens.map((t) => t.term)));
  const isTerm = (term: string) => vocabulary.has(term);
  return docs.map(({ tokens, ...doc }) => {
    const joined = joinCompounds(tokens, isTerm);
    const phrases: string[] = [];
    if (doc.weight !== FIELD_WEIGHT.description)
      forEachPhrase(joined, (a, b) => phrases.push(phraseKey(joined[a]!.term, joined[b]!.term)));
    return { ...doc, terms: joined.map((t) => t.term), phrases };
  });
}

/**
 * Codes no purchase comes from: government (92) and private households. Every other code gets
 * documents, priced or not, so a line that reads as electricity (2211xx, which EPA leaves to
 * Scope 2 grid factors) is answered "no factor" rather than priced as the nearest priced code.
 */
const notPurchasable = (code: string) => code.startsWith('92') || code === '814110';

/** The NAICS index's entries: a code and the text that names what it makes or does. */
interface IndexEntry {
  code: string;
  text: string;
}

const readIndexEntries = (): IndexEntry[] =>
  readCsv('2017_NAICS_Index_File.csv').map((row) => ({ code: row['NAICS17']!.trim(), text: row['INDEX ITEM DESCRIPTION']! }));

/** The documents, and the names among them (titles and index entries) for buildCompounds. */
function buildDocs(allCodes: string[], indexEntries: readonly IndexEntry[]): { docs: Doc[]; names: string[] } {
  const docs: TokenisedDoc[] = [];
  const names: string[] = [];
  const add = (code: string, weight: number, text: string) => {
    if (notPurchasable(code)) return;
    const tokens = tokenize(text);
    if (tokens.length > 0) docs.push({ code, weight, tokens, excluded: exceptedItems(text) });
    if (weight === FIELD_WEIGHT.title || weight === FIELD_WEIGHT.indexEntry) names.push(text);
  };
  const codeTitles = readCsvRows('2-6 digit_2017_Codes.csv').slice(1);
  for (const [, code, title] of codeTitles) {
    if (code && /^\d{6}$/.test(code.trim()))
      add(code.trim(), FIELD_WEIGHT.title, cleanTitle(title ?? ''));
  }
  for (const { code, text } of indexEntries) add(code, FIELD_WEIGHT.indexEntry, text);
  for (const row of readCsv('2017_NAICS_Descriptions.csv')) {
    const code = row['Code']!.trim();
    if (!/^\d{6}$/.test(code)) continue;
    const text = row['Description']!.split('Cross-References.')[0]!;
    const [body = '', examples = ''] = text.split('Illustrative Examples:');
    add(code, FIELD_WEIGHT.description, body);
    for (const line of examples.split('\n')) add(code, FIELD_WEIGHT.example, line);
    // "… such as mainframes, personal computers, laptops …" lists are product names.
    for (const m of body.matchAll(
      /(?:such as|examples of products[^.]*? are|including)\s+([^.(]+)/gi,
    )) {
      for (const item of m[1]!.split(/,|\band\b|\bor\b/)) add(code, FIELD_WEIGHT.example, item);
    }
  }
  // "Manufacturing plastics hose--are classified in Industry 326220, …": the text before the
  // arrow describes products of the target code (or of every 6-digit code under a 5-digit one).
  for (const row of readCsv('2017_NAICS_Cross_References.csv')) {
    const text = row['Cross-Reference']!;
    const m = /^(.*?)(?:--|\s)are classified in (?:U\.S\. )?Industry (\d{5,6})\b/s.exec(text);
    if (!m) continue;
    const activity = m[1]!.replace(/^Establishments primarily engaged in\s*/i, '');
    const target = m[2]!;
    for (const code of target.length === 6
      ? [target]
      : allCodes.filter((c) => c.startsWith(target))) {
      add(code, FIELD_WEIGHT.crossReference, activity);
    }
  }
  return { docs: joinDocumentCompounds(docs), names };
}

/**
 * The crops and catches a line may buy by name (shared/engine/produce.ts): each source word's
 * producer, the producers' own words (title and index entries), and the words of the food and
 * beverage manufacturers' (311, 312) entries that name a source, less the qualifiers.
 */
function buildProduce(indexEntries: readonly IndexEntry[], titleByCode: ReadonlyMap<string, string>): ProduceIndex {
  const entries = indexEntries.map(({ code, text }) => ({
    code,
    text,
    terms: tokenize(text).flatMap((t) => (t.family ? [] : [t.term])),
  }));
  const sources: Record<string, string> = {};
  for (const { code, text } of entries) {
    const source = sourceOfEntry(code, text);
    const term = source && singleTerm(source.word);
    if (term && !(term in sources)) sources[term] = source.producer;
  }
  const producers = new Set(Object.values(sources));
  const producerWords = new Map([...producers].map((code) => [code, new Set(tokenize(titleByCode.get(code)!).map((t) => t.term))]));
  const made = new Set<string>();
  for (const { code, terms } of entries) {
    const own = producerWords.get(code);
    if (own) for (const term of terms) own.add(term);
    if (/^31[12]/.test(code) && terms.some((term) => term in sources))
      for (const term of terms) if (!(term in sources) && !isQualifier(term)) made.add(term);
  }
  return {
    sources,
    producerWords: Object.fromEntries([...producerWords].map(([code, words]) => [code, [...words].sort()])),
    madeWords: [...made].sort(),
  };
}

/** A written word's one content term, if it has exactly one ("makers" → maker; not "household-type"). */
function singleTerm(word: string): string | undefined {
  const terms = tokenize(word).filter((t) => !t.family);
  return terms.length === 1 ? terms[0]!.term : undefined;
}

/**
 * Compounds NAICS names products by ("Coffee makers", "Motor oils", "Paper towels"): two words
 * written next to each other, in this order, in at least MIN_PHRASE_DOCS names and never the
 * other way round, as [modifier id, head id] pairs sorted. English puts a compound's head last.
 * Words the vocabulary also writes closed ("chain saw") are one word, not a compound.
 */
function buildCompounds(names: readonly string[], termId: ReadonlyMap<string, number>): [number, number][] {
  const pairs = names.map((name) => {
    const found = new Set<string>();
    for (const part of name.toLowerCase().split(/[,;:()[\]|]+/)) {
      const words = part.split(/[^a-z0-9'-]+/).filter(Boolean).map(singleTerm);
      for (let i = 0; i + 1 < words.length; i++) {
        const [a, b] = [words[i], words[i + 1]];
        if (a && b && a !== b && !termId.has(a + b)) found.add(`${a} ${b}`);
      }
    }
    return [...found];
  });
  const counts = documentFrequencies(pairs);
  const compounds: [number, number][] = [];
  for (const [pair, n] of counts) {
    const [modifier, head] = pair.split(' ') as [string, string];
    if (n < MIN_PHRASE_DOCS || counts.has(`${head} ${modifier}`)) continue;
    if (termId.has(modifier) && termId.has(head)) compounds.push([termId.get(modifier)!, termId.get(head)!]);
  }
  return compounds.sort(byPair);
}

/** Word id pairs in table order: by first id, then second (see PairTable). */
const byPair = ([a1, b1]: readonly number[], [a2, b2]: readonly number[]) => a1! - a2! || b1! - b2!;

const documentFrequencies = (lists: readonly string[][]) => {
  const df = new Map<string, number>();
  for (const list of lists) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
};

/**
 * Postings of the words (ids 0 … vocab.length − 1, `termId`), then of the phrases in at least
 * MIN_PHRASE_DOCS documents (the ids after), each phrase named by its two words' ids.
 */
function buildPostings(docs: Doc[]) {
  const df = documentFrequencies(docs.map((d) => d.terms));
  const vocab = [...df.keys()].sort();
  const termId = new Map(vocab.map((t, i) => [t, i]));
  for (const [phrase, n] of documentFrequencies(docs.map((d) => d.phrases)))
    if (n >= MIN_PHRASE_DOCS) df.set(phrase, n);
  const phrases = [...df.keys()]
    .filter((key) => key.includes(' '))
    .map((key) => key.split(' ').map((word) => termId.get(word)!) as [number, number])
    .sort(byPair);
  const id = new Map([...vocab, ...phrases.map(([a, b]) => phraseKey(vocab[a]!, vocab[b]!))].map((t, i) => [t, i]));
  const avgLen = docs.reduce((s, d) => s + d.terms.length, 0) / docs.length;
  const postings: number[][] = [...id.keys()].map(() => []);
  docs.forEach((d, docId) => {
    const norm = 1 - LENGTH_NORM_B + (LENGTH_NORM_B * d.terms.length) / avgLen;
    const seen = new Set<string>();
    [...d.terms, ...d.phrases].forEach((t, i) => {
      if (seen.has(t) || !id.has(t)) return;
      seen.add(t);
      const idf = Math.log(1 + docs.length / df.get(t)!);
      const head = i === 0 ? HEAD_BOOST : 1;
      postings[id.get(t)!]!.push(docId, Math.round((1000 * idf * d.weight * head) / norm));
    });
  });
  const exclusions = packUint16(packExclusions(docs, termId));
  return { vocab, termId, phrases: packUint16(phrases.flat()), exclusions, ...packPostings(postings) };
}

/** Little-endian uint16 pairs in base64 (see EngineIndex.postings); refuses values that do not fit. */
export function packPostings(postings: number[][]) {
  return {
    postings: packUint16(postings.flat()),
    postingCounts: postings.map((p) => p.length / 2),
    postingMax: packUint16(postings.map((p) => Math.max(0, ...p.filter((_, i) => i % 2 === 1)))),
  };
}

/** Little-endian uint16 values in base64; refuses values that do not fit. */
function packUint16(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 2);
  values.forEach((value, i) => {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff)
      throw new Error(`value ${value} does not fit in uint16`);
    bytes.writeUInt16LE(value, i * 2);
  });
  return bytes.toString('base64');
}

const monthKey = (date: string) => date.slice(0, 7);
function monthsBetween(a: string, b: string): number {
  return (
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 +
    Number(b.slice(5, 7)) -
    Number(a.slice(5, 7))
  );
}

/**
 * H.10 quotes these in US dollars per unit (the files hold units per USD for every series), and
 * its annual figure averages the quoted rate, so the annual units per USD is the inverse of the
 * mean of the monthly inverses (checked against the published EUR, AUD and NZD annuals in
 * shared/engine/convert.test.ts).
 */
const QUOTED_IN_USD_PER_UNIT = new Set(['EUR', 'GBP', 'AUD', 'NZD', 'IEP']);

export function annualFromMonths(unitsPerUsd: readonly number[], currency: string): number {
  const mean = QUOTED_IN_USD_PER_UNIT.has(currency)
    ? unitsPerUsd.length / unitsPerUsd.reduce((s, v) => s + 1 / v, 0)
    : unitsPerUsd.reduce((s, v) => s + v, 0) / unitsPerUsd.length;
  return Math.round(mean * 1e4) / 1e4;
}

function buildFx(): Record<string, FxSeries> {
  const monthly = readCsv('fx/fed-h10-monthly.csv');
  const yearly = readCsv('fx/fed-h10-yearly.csv');
  const fx: Record<string, FxSeries> = {};
  for (const [currency, country] of Object.entries(H10_COUNTRY_BY_CURRENCY).sort()) {
    const rows = monthly.filter((r) => r['Country'] === country);
    if (rows.length === 0) throw new Error(`no monthly H.10 series for ${country}`);
    const monthlyStart = monthKey(rows[0]!['Date']!);
    const values = rows.map((r, i) => {
      if (monthsBetween(monthlyStart, monthKey(r['Date']!)) !== i)
        throw new Error(`gap in ${country}`);
      const v = Number(r['Exchange rate']);
      if (!(v > 0)) throw new Error(`bad rate ${country} ${r['Date']}`);
      return v;
    });
    const published = yearly.filter((r) => r['Country'] === country);
    let yearlyStart: number;
    let yearlyValues: number[];
    if (published.length > 0) {
      yearlyStart = Number(published[0]!['Date']!.slice(0, 4));
      yearlyValues = published.map((r, i) => {
        if (Number(r['Date']!.slice(0, 4)) !== yearlyStart + i)
          throw new Error(`gap in yearly ${country}`);
        return Number(r['Value']);
      });
    } else {
      // Annual average from the 12 monthly averages, complete years only (H.10 annual figures
      // are averages of daily rates in the series' own quotation; see annualFromMonths).
      const firstYear = Number(monthlyStart.slice(0, 4)) + (monthlyStart.endsWith('-01') ? 0 : 1);
      const offset = monthsBetween(monthlyStart, `${firstYear}-01`);
      yearlyStart = firstYear;
      yearlyValues = [];
      for (let i = offset; i + 12 <= values.length; i += 12) {
        yearlyValues.push(annualFromMonths(values.slice(i, i + 12), currency));
      }
    }
    fx[currency] = {
      country,
      monthlyStart,
      monthly: values,
      yearlyStart,
      yearly: yearlyValues,
      yearlyDerived: published.length === 0,
      discontinued: LEGACY_CURRENCIES.has(currency),
    };
  }
  return fx;
}

function buildCpi(): EngineIndex['cpi'] {
  const rows = readCsv('cpi/bls-cpi-u-monthly.csv');
  const start = monthKey(rows[0]!['Date']!);
  // BLS published no CPI for 2025-10 (US government shutdown): such months stay null and the
  // converter bridges them from the neighbouring months, marking the step provisional.
  const values: (number | null)[] = [];
  for (const r of rows) {
    const i = monthsBetween(start, monthKey(r['Date']!));
    while (values.length < i) values.push(null);
    values.push(Number(r['Index']));
  }
  const y2022 = rows.filter((r) => r['Date']!.startsWith('2022-')).map((r) => Number(r['Index']));
  if (y2022.length !== 12) throw new Error('CPI 2022 incomplete');
  const base2022 = Math.round((y2022.reduce((s, v) => s + v, 0) / 12) * 1e4) / 1e4;
  return { start, values, base2022 };
}

export function buildEngineIndex(): EngineIndex {
  const codeRows = readCsvRows('2-6 digit_2017_Codes.csv').slice(1);
  const titleByCode = new Map<string, string>();
  for (const [, code, title] of codeRows) {
    if (code && /^\d{6}$/.test(code.trim())) titleByCode.set(code.trim(), cleanTitle(title ?? ''));
  }
  const codes = [...titleByCode.keys()].sort();
  const factorRows = readCsv('SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv');
  const factorBy = new Map(factorRows.map((r) => [r['2017 NAICS Code']!.trim(), r]));
  for (const code of factorBy.keys())
    if (!titleByCode.has(code)) throw new Error(`EPA code ${code} not in NAICS 2017`);
  const unit = factorRows[0]!['Unit']!;
  const indexEntries = readIndexEntries();
  const { docs, names } = buildDocs(codes, indexEntries);
  const { vocab, termId, ...postings } = buildPostings(docs);
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  return {
    formatVersion: 4,
    factorDataset: {
      name: 'EPA Supply Chain GHG Emission Factors',
      version: '1.3.0',
      unit,
      baseYear: 2022,
    },
    codes,
    titles: codes.map((c) => titleByCode.get(c)!),
    factors: codes.map((c) => {
      const r = factorBy.get(c);
      return r ? Number(r['Supply Chain Emission Factors with Margins']) : null;
    }),
    factorsWithoutMargins: codes.map((c) => {
      const r = factorBy.get(c);
      return r ? Number(r['Supply Chain Emission Factors without Margins']) : null;
    }),
    terms: vocab,
    ...postings,
    compounds: packUint16(buildCompounds(names, termId).flat()),
    docCode: docs.map((d) => codeIndex.get(d.code)!),
    produce: buildProduce(indexEntries, titleByCode),
    learned: learnAssociations(readDevLines(), new Set(vocab), new Set(factorBy.keys())),
    fx: buildFx(),
    cpi: buildCpi(),
  };
}

export function renderEngineIndexModule(index: EngineIndex): string {
  const json = JSON.stringify(index);
  return (
    '// Generated by scripts/build-engine-index.ts from data/ — do not edit; run `npm run build:data`.\n' +
    '// A JSON string (not an object literal) because JSON.parse is the fastest cold start.\n' +
    `export const engineIndexJson: string = ${JSON.stringify(json)};\n`
  );
}

function main() {
  const text = renderEngineIndexModule(buildEngineIndex());
  if (process.argv.includes('--check')) {
    const current = readFileSync(GENERATED_PATH, 'utf8');
    if (current !== text) {
      console.error('shared/engine/generated/engine-index.ts is stale: run npm run build:data');
      process.exit(1);
    }
    return;
  }
  writeFileSync(GENERATED_PATH, text);
  console.log(`wrote ${GENERATED_PATH} (${(text.length / 1024).toFixed(0)} KiB)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
