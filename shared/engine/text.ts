import { expandAbbreviation, isAbbreviation, kindOf, tradeName } from './abbreviations';
import { isNounUnit, isStopword } from './stopwords';

/**
 * Canonical form of a description for exact matching (tenant `description-hash` rules):
 * Unicode NFKC, lower case, every run of non-alphanumerics collapsed to one space, trimmed.
 * The Worker hashes this string with its tenant key; the engine never stores it.
 */
export function normaliseDescription(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Plural endings the rules of `stem` would fold wrongly, as [plural suffix, singular suffix]:
 * "knives" is not "knive", "potatoes" not "potatoe", "gases" not "gase".
 */
const IRREGULAR_PLURALS: readonly (readonly [string, string])[] = [
  ['knives', 'knife'], ['wives', 'wife'], ['shelves', 'shelf'], ['halves', 'half'], ['wolves', 'wolf'],
  ['calves', 'calf'], ['leaves', 'leaf'], ['loaves', 'loaf'], ['sheaves', 'sheaf'], ['hooves', 'hoof'],
  ['scarves', 'scarf'], ['wharves', 'wharf'], ['thieves', 'thief'],
  ['potatoes', 'potato'], ['tomatoes', 'tomato'], ['mosquitoes', 'mosquito'], ['torpedoes', 'torpedo'],
  ['volcanoes', 'volcano'], ['gases', 'gas'], ['lenses', 'lens'], ['viruses', 'virus'], ['circuses', 'circus'],
  ['canvases', 'canvas'],
];
/** Singulars in -s that the rules would shorten ("lens", not "len"). */
const SINGULARS_IN_S = new Set(['lens', 'canvas', 'bias', 'alias', 'atlas']);
/** Whole plurals of those ("buses" is a bus, while "abuses" is an abuse). */
const PLURALS_OF_SINGULARS_IN_S: Record<string, string> = { buses: 'bus', biases: 'bias', aliases: 'alias', atlases: 'atlas' };

/**
 * Light English stemmer for catalogue nouns: folds plurals ("batteries" → "battery",
 * "boxes" → "box", "couplings" → "coupling", "valves" → "valve") without touching word stems
 * that matter for matching (no -ing/-ed stripping: "fitting", "coated" stay distinct words in
 * NAICS text).
 */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || SINGULARS_IN_S.has(word)) return word;
  if (Object.hasOwn(PLURALS_OF_SINGULARS_IN_S, word)) return PLURALS_OF_SINGULARS_IN_S[word]!;
  for (const [plural, singular] of IRREGULAR_PLURALS) if (word.endsWith(plural)) return word.slice(0, -plural.length) + singular;
  if (word.endsWith('ies') && n > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ches|shes|xes|zzes|tzes)$/.test(word)) return word.slice(0, -2);
  if (/[aeiou]ys$/.test(word)) return word.slice(0, -1); // "keys", "trays", "attorneys"
  if (word.endsWith('s') && !/(?:ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A token with its position in the text (0 = first content word). */
export interface Token {
  term: string;
  position: number;
  /** Index of the comma/semicolon-separated segment the word came from. */
  segment: number;
  /** Index of the word's phrase in its segment: a preposition starts the next ("Water bill | for office"). */
  clause: number;
  /** A family word the text implies but does not write ("coupling" → fitting): in no phrase. */
  family: boolean;
  /** The NAICS code an everyday meaning names (set on the meaning's words). */
  naics?: string;
}

type WordTerm = Pick<Token, 'term' | 'family'>;
const wordTermsCache = new Map<string, readonly WordTerm[]>();

/**
 * A word's stemmed content terms, cached (catalogue text repeats its words): "sch40" → "sch"
 * (the letters of a letter+digit run, unless the run is an abbreviation itself, "cat6"; pure
 * part numbers vanish), then the abbreviation's
 * expansion, each word with its family words ("coupling" → fitting).
 */
function termsOfWord(word: string): readonly WordTerm[] {
  let hit = wordTermsCache.get(word);
  if (hit) return hit;
  const letters = isAbbreviation(word) ? word : (/^[a-z]+(?=\d)/.exec(word)?.[0] ?? (/\d/.test(word) ? '' : word));
  hit =
    letters.length < 2
      ? []
      : expandAbbreviation(letters)
          .flatMap((w) => [
            { term: stem(w), family: false },
            ...kindOf(stem(w)).map((kind) => ({ term: stem(kind), family: true })),
          ])
          .filter(({ term }) => term.length >= 2 && !isStopword(term));
  if (wordTermsCache.size >= 50_000) wordTermsCache.clear(); // part numbers would fill it for good
  wordTermsCache.set(word, hit);
  return hit;
}

const SPLIT_SEGMENTS = /[,;:()[\]|]+|\s-\s|\.\s/;
/**
 * Words that hold or measure an amount of the item that follows "of" ("a keg of beer", "20 bags
 * of concrete mix", "Case of wine"): the item is what the amount is of.
 */
const AMOUNTS = new Set([
  'bag', 'case', 'box', 'keg', 'bottle', 'pack', 'package', 'carton', 'roll', 'sheet', 'bale', 'jar', 'bucket',
  'pail', 'drum', 'tube', 'pallet', 'load', 'truckload', 'can', 'cup', 'bunch', 'pound', 'sleeve', 'bundle',
  'crate', 'tub', 'tray', 'spool', 'piece', 'round', 'couple', 'lot', 'yard', 'ton', 'cord', 'batch', 'supply',
]);

/** Sizes of such an amount ("Half-pint cartons of milk", "Large bags of ice"). */
const AMOUNT_SIZES = new Set(['half', 'quarter', 'full', 'large', 'small', 'medium', 'mini', 'big', 'single', 'double', 'individual']);

/** "can" asking for something ("can we buy …", "can someone plow …"), not a can. */
const ASKED = new Set(['we', 'i', 'you', 'someone', 'somebody', 'anyone', 'they']);
const PREPOSITIONS = new Set([
  'for', 'with', 'without', 'of', 'in', 'on', 'to', 'from', 'by', 'at', 'per', 'via', 'over', 'under', 'around', 'near', 'behind',
  'along', 'across', 'through', 'during', 'after', 'before', 'between', 'within', 'into', 'onto', 'toward', 'towards',
]);

/** "IT" in capitals is information technology, not the pronoun a stopword drops ("Managed IT services"). */
const withComputerForIT = (text: string) => text.replace(/\bIT\b/g, 'computer');
/**
 * A rating ("Class 2" vest, "CLASS E" hard hat, "Class 52" pipe, a tire's "load range E") is no class
 * a school teaches, nor a cooking range.
 */
const RATING = /\b(?:class|load range)\s+(?:\d+[a-z]?|[a-f]|i{1,3}|iv)\b/g;

/**
 * Splits free text into stemmed content words: drops numbers, sizes, part numbers
 * ("1/2", "34X29", "SCH40" → "sch"), stopwords and units, and expands general procurement
 * abbreviations ("STL" → "steel", "PVC" → "polyvinyl chloride plastic").
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const segments = withComputerForIT(text.normalize('NFKC')).toLowerCase().replace(RATING, ' ').replace(/\bw\/o\b/g, ' without ').replace(/\bw\//g, ' with ').replace(/&/g, ' and ').split(SPLIT_SEGMENTS);
  let position = 0;
  for (let segment = 0; segment < segments.length; segment++) {
    // Words at even indices, each with the separator before it: a hyphen joins words into one
    // ("walk-in cooler", "add-on"), so its "in" starts no phrase.
    const words = (segments[segment] ?? '').replace(/'s\b/g, '').split(/([^a-z0-9]+)/);
    let afterNumber = false;
    let clause = 0;
    const segmentStart = out.length;
    for (let w = 0; w < words.length; w += 2) {
      const raw = words[w]!;
      const joined = words[w - 1] === '-';
      if (raw.length === 0 || (raw === 'can' && ASKED.has(words[w + 2] ?? ''))) continue;
      if (raw === 'of' && clause === 0 && out.length > segmentStart && out.slice(segmentStart).every((t) => AMOUNTS.has(t.term) || AMOUNT_SIZES.has(t.term))) {
        position = out[segmentStart]!.position;
        out.length = segmentStart;
        continue;
      }
      if (PREPOSITIONS.has(raw) && !joined) clause++;
      const measured = afterNumber;
      afterNumber = raw.charCodeAt(0) <= 57; // a digit: the split leaves only [a-z0-9]
      for (const { term, family } of termsOfWord(raw)) {
        if (measured && (isNounUnit(term) || isNounUnit(raw))) continue; // "50 FT", "40 PC" (not a computer)
        out.push({ term, position, segment, clause, family });
        position++;
      }
    }
  }
  return out;
}

/**
 * Two adjacent words that the vocabulary knows as one ("hand tool" → handtool, "fork lift" →
 * forklift, "chain saw" → chainsaw) stand for that one word: catalogue text splits compounds
 * that NAICS writes closed.
 */
export function joinCompounds(tokens: readonly Token[], isTerm: (term: string) => boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    const next = tokens[i + 1];
    if (next && next.segment === word.segment && isTerm(word.term + next.term)) {
      out.push({ term: word.term + next.term, position: word.position, segment: word.segment, clause: word.clause, family: false });
      i++;
    } else out.push(word);
  }
  return out;
}

/** Two written words that make a trade name (abbreviations.ts) stand for NAICS's words for it ("Can liner" → plastics trash bag). */
export function withTradeNames(tokens: readonly Token[]): readonly Token[] {
  let out: Token[] | undefined; // most lines name none: they keep their tokens
  let shift = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    let j = i + 1;
    while (tokens[j]?.family) j++; // the written word after this one's family words ("WRENCH IMPACT")
    const next = tokens[j];
    const name = next && !word.family && namesTogether(tokens, i, j) ? tradeName(word.term, next.term) : undefined;
    if (!name) {
      out?.push(shift ? { ...word, position: word.position + shift } : word);
      continue;
    }
    out ??= tokens.slice(0, i);
    const position = word.position + shift;
    name.forEach((term, k) => out!.push({ ...word, term: stem(term), position: position + k, family: false }));
    shift += name.length - (j - i + 1); // the name stands for both words and the first one's family words
    i = j;
  }
  return out ?? tokens;
}

/**
 * Whether tokens[a] and tokens[b] (a before b) name one thing: in one comma-separated part, or a
 * one-word first part and the part that qualifies it, as catalogues invert a name ("EGGS, SHELL",
 * "Chicken, Breast Fillets").
 */
function namesTogether(tokens: readonly Token[], a: number, b: number): boolean {
  return tokens[a]!.segment === tokens[b]!.segment || (a === 0 && tokens[0]!.segment === 0 && tokens[1]?.segment === 1);
}

/** The written word after tokens[i] in the same phrase, if any ("Steel filing cabinet", not "Steel, sheet"). */
export function nextInPhrase(tokens: readonly Token[], i: number): Token | undefined {
  const { segment, clause } = tokens[i]!;
  for (let j = i + 1; j < tokens.length; j++) {
    const next = tokens[j]!;
    if (!next.family) return next.segment === segment && next.clause === clause ? next : undefined;
  }
  return undefined;
}

/** The written words of the item phrase: the first phrase of the first comma-separated part. */
export function itemPhrase(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.segment === 0 && t.clause === 0 && !t.family);
}

/** The first family word `word` implies ("mower" → lawnmower), if any. */
export function familyAfter(tokens: readonly Token[], word: Token | undefined): string | undefined {
  const next = word && tokens[tokens.indexOf(word) + 1];
  return next?.family ? next.term : undefined;
}

/** Words of a title-case first part that make it a name, not a catalogue heading ("Gas Cylinders, Empty"). */
const NAME_WORDS = 3;

/**
 * Whether the text names its item as English does, head last: a sentence ("Printer ink", "USB
 * flash drive, 64 GB") or a name in title case, of one part ("Mesh Office Chairs") or of a first
 * part of NAME_WORDS or more words ("HP Multipurpose Printer Paper, 8.5 x 11, 3 Ream Pack", "Top
 * Soil and Fill Dirt"), and not catalogue capitals ("TONER BLACK") or a title-case heading
 * inverted into parts ("Gas Cylinders, Empty, Commercial Sizes").
 */
export function isWrittenHeadLast(text: string): boolean {
  const firstPart = wordsOf(text.split(SPLIT_SEGMENTS)[0]!);
  if (!firstPart.some((word) => /\p{Ll}/u.test(word))) return false;
  const sentenceCase = wordsOf(text).slice(1).every((word) => word === word.toLowerCase() || /\d/.test(word) || (word.length <= 4 && word === word.toUpperCase()));
  return sentenceCase || !SPLIT_SEGMENTS.test(text) || firstPart.length >= NAME_WORDS;
}

/**
 * Whether the text opens with a category in capitals before a dash or a colon, then names the
 * item in small letters, as ledgers and card statements write it ("JANITORIAL - 55 gal trash can
 * liners", "AUTO SERVICE: flat tire patch"): the item is the rest.
 */
export function opensWithCapitalCategory(text: string): boolean {
  if (!/^\s*\p{Lu}/u.test(text)) return false; // most lines: no split
  const [category, item] = text.split(SPLIT_SEGMENTS, 2);
  return item !== undefined && /\p{Lu}{3}/u.test(category!) && !/\p{Ll}/u.test(category!) && /\p{Ll}{2}/u.test(item) && /^(?:\s-\s|:\s)/.test(text.slice(category!.length));
}

/** The written words that hold a letter. */
const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((word) => /\p{L}/u.test(word));

const PROPERTY_COMPOUND = /\b\p{L}+-(?:resistant|proof|free|rated|powered)\b/giu;

/**
 * A line without its hyphenated adjectives of what an item withstands, lacks or runs on
 * ("Tamper-Resistant Duplex Outlet", "Slip-Proof Leash", "Battery-Powered Smoke Alarm"): their
 * first word is not the item (the outlet is no tamper). Not "coin-operated" or "power-driven",
 * which NAICS texts name industries by, nor "water-based" or "gas-fired", which name the product's
 * kind; and a line's only, since dropping them from the NAICS texts too lost lines.
 */
export function withoutPropertyCompounds(text: string): string {
  return text.replace(PROPERTY_COMPOUND, ' ');
}

/**
 * "SVC ROOF REPAIR …": a service label run into the capitals that follow it. Not "SERVICE", which
 * also qualifies goods ("SERVICE CART", "SERVICE VALVE").
 */
const OPENING_SERVICE = /^\s*(SVCS?|SRVC|SERV)\s+(?=\p{Lu})/u;

/**
 * A line opening with a service label and no separator ("SVC ROOF REPAIR MODIFIED BITUMEN") as
 * one with a separator ("SVC: ROOF REPAIR …"), so the label is read as such (serviceLabelOf):
 * the item is the rest, and its own service word (repair) says which service.
 */
export function withServiceLabel(text: string): string {
  const label = OPENING_SERVICE.exec(text);
  if (!label) return text;
  return `${label[1]}: ${text.slice(label[0].length)}`;
}

/** A service word after the item and right before a number ends the item's phrase: the number starts its terms. */
const SERVICE_THEN_NUMBER = /(?<=\p{L}\s+)(rental|repair|service|inspection|cleaning|installation|maintenance|calibration|testing)\s+(?=\d)/giu;

/**
 * In capitals, a service word after the item and before more words ends the item too ("HVAC REPAIR
 * RTU-3 COMPRESSOR", "PIANO TUNING AUDITORIUM"), unless the next word names goods made for that
 * service ("PIPE REPAIR CLAMP", "FLOOR CLEANING MACHINE", "CALIBRATION GAS") or the department
 * that asks ("MAINT DEPT"). Not SERVICE, which also qualifies goods ("SERVICE CART", "WATER
 * SERVICE LINE").
 */
const GOODS_FOR_A_SERVICE = [
  'KITS?', 'PARTS?', 'CLAMPS?', 'PATCH(?:ES)?', 'TAPE', 'MORTAR', 'COMPOUND', 'COATING', 'SEALANT', 'EPOXY', 'PUTTY',
  'CAMERA', 'MACHINE', 'EQUIPMENT', 'CHEMICALS?', 'SOLUTION', 'CLOTHS?', 'WIPES?', 'BRUSH(?:ES)?', 'PADS?', 'SUPPL(?:Y|IES)',
  'CART', 'AGENT', 'GAS', 'SYSTEMS?', 'WEIGHTS?', 'STANDARDS?', 'STRIPS?', 'TOOLS?', 'HARDWARE', 'FREE', 'FORK', 'MANUAL',
  'SLEEVES?', 'PLATES?', 'MATERIALS?', 'PRODUCTS?', 'SPRAY', 'FLUID', 'CLEANER', 'SET', 'STATION', 'MIRROR', 'LIGHT',
  'FOAM', 'PASTE', 'POWDER', 'WAX', 'CONCENTRATE', 'LIQUID', 'GEL', 'ADHESIVE', 'FABRIC', 'MESH', 'ACCESSOR(?:Y|IES)',
  'DEPT', 'DEPARTMENT',
];
const WORK_IN_CAPITALS = [
  'REPAIRS?', 'REBUILD', 'REWIND', 'OVERHAUL', 'MAINTENANCE', 'MAINT', 'PM', 'INSPECTION', 'CLEANING', 'INSTALL(?:ATION)?',
  'CALIBRATION', 'TESTING', 'ANALYSIS', 'RENTAL', 'TUNING', 'REMOVAL', 'DISPOSAL', 'HAUL(?:ING)?', 'TOWING', 'PAINTING',
  'STRIPING', 'PUMPING', 'SWEEPING', 'MOWING', 'PLOWING', 'TRIMMING', 'SHREDDING', 'RESURFACING', 'REFINISHING',
];
const SERVICE_IN_CAPITALS = new RegExp(
  String.raw`(?<=[\p{Lu}\d]\s+)(${WORK_IN_CAPITALS.join('|')})\s+(?!(?:${GOODS_FOR_A_SERVICE.join('|')})\b)(?=[\p{Lu}\d])`,
  'gu',
);

/** "FORKLIFT RENTAL 5000LB LP 1 MONTH" as "FORKLIFT RENTAL, 5000LB LP 1 MONTH": a rental of a forklift. */
const withServiceEndingItem = (text: string) =>
  (/\p{Ll}/u.test(text) ? text : text.replace(SERVICE_IN_CAPITALS, '$1, ')).replace(SERVICE_THEN_NUMBER, '$1, ');

/**
 * A line without the item number it opens with ("HC12-PL CUP, HOT, PAPER", "RSC-181812-32 BOX,
 * CORRUGATED"): capitals and digits in three or more hyphenated parts, or in two with a part that
 * mixes letters and digits; not a word such as "X-RAY" or "3-RING".
 */
export function withoutItemNumber(text: string): string {
  const match = /^\s*([A-Z0-9]+(?:-[A-Z0-9]+)+)\s+(?=\S)/.exec(text);
  if (!match) return text;
  const parts = match[1]!.split('-');
  const mixed = parts.some((part) => /\d/.test(part) && /[A-Z]/.test(part));
  return parts.length >= 3 || mixed ? text.slice(match[0].length) : text;
}

/**
 * Verbs a work order opens with, as the service NAICS names ("Repair walk-in freezer fan motor"
 * is freezer repair, "Mow and trim the fields" mowing). Not verbs that also open a noun phrase
 * ("Paint thinner", "Test kit", "Trim board", "Rent payment").
 */
const WORK_VERBS: Record<string, string> = {
  repair: 'repair', fix: 'repair', replace: 'repair', rebuild: 'repair', rewind: 'repair', rewinding: 'repair', install: 'installation',
  clean: 'cleaning', inspect: 'inspection', tow: 'towing', haul: 'hauling', remove: 'removal',
  retread: 'retreading', rekey: 'rekeying', mow: 'mowing', prune: 'pruning', plow: 'plowing',
  calibrate: 'calibration', abate: 'abatement', restripe: 'striping', resurface: 'resurfacing',
  refinish: 'refinishing', repaint: 'painting', service: 'servicing', 'pump out': 'pumping', shred: 'shredding',
};
/** Verbs of supplying that pair with a work verb ("SUPPLY AND INSTALL", "Furnish and install"). */
const SUPPLY_VERBS = new Set(['supply', 'furnish', 'provide', 'deliver']);
/** Services a line can open with before "of" ("Repair of walk-in cooler", "Rental of scissor lift"). */
const SERVICE_NOUNS = new Set([
  ...Object.values(WORK_VERBS), 'rental', 'lease', 'leasing', 'hire', 'maintenance', 'disposal', 'testing', 'washing',
]);
/** A verb, or two joined by "and", then the rest: "Diagnose and repair …", "Pump out and clean …". */
const OPENING_VERBS = /^\s*(\p{L}+(?: out)?)(?:\s+(?:and|&)\s+(\p{L}+(?:-\p{L}+)?(?: out)?))?\s+/iu;
const SERVICE_OF = /^\s*(\p{L}+)\s+of\s+/iu;
/** A rental leading a line is the rental of what follows ("RENTAL EXCAVATOR 20 TON"). */
const RENTAL_FIRST = /^\s*(rental|lease|leasing|hire)\s+(?=[\p{L}\d])/iu;
const CLAUSE_END = new RegExp(`,(?!\\d)|[;:()[\\]|]|\\s-\\s|\\.\\s|\\s(?:w\\/o?|${[...PREPOSITIONS].join('|')})\\s`, 'i');

/** The service a line opens with and the length of its opening, if it opens as a work order. */
function openingService(text: string): { service: string; opening: number } | undefined {
  const rental = RENTAL_FIRST.exec(text);
  if (rental) return { service: rental[1]!.toLowerCase(), opening: rental[0].length };
  const nominal = SERVICE_OF.exec(text);
  const noun = nominal?.[1]!.toLowerCase();
  if (noun && SERVICE_NOUNS.has(noun)) return { service: noun, opening: nominal![0].length };
  const verbs = OPENING_VERBS.exec(text);
  if (!verbs) return undefined;
  const [first, second] = [verbs[1]!.toLowerCase(), verbs[2]?.toLowerCase()];
  const rest = text.slice(verbs[0].length);
  // Two verbs are an order in any case; one only in a sentence ("Repair walk-in …", not "REPAIR KIT").
  if (second && WORK_VERBS[second] && (WORK_VERBS[first] || SUPPLY_VERBS.has(first))) return { service: WORK_VERBS[second], opening: verbs[0].length };
  const service = (second && WORK_VERBS[second]) || WORK_VERBS[first];
  return service && /^[\p{Ll}\d]/u.test(rest) ? { service, opening: verbs[0].length } : undefined;
}

/**
 * A work order written as a sentence ("Replace cracked windshield on bus 31", "Repair of walk-in
 * cooler") as the noun phrase NAICS writes ("cracked windshield repair on bus 31"): the service
 * word ends the item phrase.
 */
export function withWorkAsService(text: string): string {
  const order = openingService(text);
  if (!order) return text;
  const rest = text.slice(order.opening);
  const end = Math.max(0, (CLAUSE_END.exec(` ${rest}`)?.index ?? rest.length + 1) - 1);
  if (!/\p{L}/u.test(rest.slice(0, end))) return text; // "Tow for broken-down van": the verb is the item
  return `${rest.slice(0, end)} ${order.service}${rest.slice(end)}`;
}

/**
 * A purchase line rewritten the way NAICS words things, before it is tokenized: without an item
 * number or a property compound, a run-in service label set off, a work order's verb as its
 * service, and a service word before a number ending the item.
 */
export function asNaicsWrites(line: string): string {
  return withServiceEndingItem(withWorkAsService(withoutPropertyCompounds(withServiceLabel(withoutItemNumber(line)))));
}

/** Stemmed content words only (used at build time for vocabulary documents). */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** Two adjacent words as one key, in either order ("TAPE MEASURING" and "measuring tapes"). */
export function phraseKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/**
 * Each written word paired with the written word before it in the same comma-separated part, and
 * an inverted one-word heading with the first word after it ("Boxes, shipping" as the NAICS index
 * and catalogues write "shipping boxes"); family words skipped: calls `pair(i, j)` with the two
 * tokens' indices for every such pair.
 */
export function forEachPhrase(tokens: readonly Token[], pair: (previous: number, current: number) => void): void {
  let previous = -1;
  tokens.forEach((token, i) => {
    if (token.family) return;
    if (previous >= 0 && namesTogether(tokens, previous, i) && tokens[previous]!.term !== token.term) pair(previous, i);
    previous = i;
  });
}
