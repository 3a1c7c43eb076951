import { itemPhrase, nextInPhrase, terms, type Token } from './text';

/**
 * Everyday spend English names a service by what it supplies ("electric bill", "phone bill",
 * "train ticket", "office rent"), where NAICS names the industry that supplies it ("Distribution
 * of electric power", "Cellular telephone services", "Passenger railways", "Building rental or
 * leasing"). A meaning applies to one of its words when a context word follows it closely in the
 * same comma-separated part (or always, without context). The word is then read as the meaning's
 * NAICS words at its position, as implied words like a coupling's "fitting", and the classifier
 * gives the code the meaning names a bonus. The context keeps goods that share the word out: a
 * power supply, a water meter, a garbage truck body. Written from common expense categories, not
 * from any evaluation file's labels.
 */
export interface EverydayMeaning {
  words: readonly string[];
  context?: readonly string[];
  /** How many words after the meaning's word a context word may stand (default 2). */
  reach?: number;
  /** Also when the word ends the item's phrase, a noun on its own ("Diesel for fleet trucks", not "Diesel engine"). */
  alone?: boolean;
  /** Only when no written word comes before it in its phrase: "Lease payment", not "Copier lease payment". */
  opensPhrase?: boolean;
  /** Not right after one of these words: "Hazardous waste pickup" is no garbage collection. */
  notAfter?: readonly string[];
  /** The NAICS words it stands for, as index entries write them. */
  means: string;
  /** The code NAICS indexes those words under (checked in scripts/everyday-meanings.test.ts). */
  naics: string;
}

const BILLED = ['bill', 'billing', 'utility', 'usage', 'charge', 'invoice', 'purchase', 'purchased'];
const FARE = ['ticket', 'fare', 'trip', 'ride', 'pass', 'travel'];

export const EVERYDAY_MEANINGS: readonly EverydayMeaning[] = [
  {
    words: ['electric', 'electricity', 'power'],
    context: BILLED,
    means: 'distribution of electric power',
    naics: '221122',
  },
  { words: ['gas'], context: [...BILLED, 'service', 'delivery'], means: 'distribution of natural gas', naics: '221210' },
  { words: ['water'], context: BILLED, means: 'water distribution', naics: '221310' },
  {
    words: ['sewer', 'sewage', 'wastewater'],
    context: [...BILLED, 'service', 'use', 'discharge'],
    means: 'sewer systems',
    naics: '221320',
  },
  { words: ['steam'], context: [...BILLED, 'service'], means: 'distribution of steam heat', naics: '221330' },
  {
    words: ['trash', 'garbage', 'refuse', 'rubbish', 'waste', 'recycling', 'dumpster'],
    context: [...BILLED, 'pickup', 'removal', 'haul', 'hauling', 'service', 'swap', 'rental'],
    notAfter: ['hazardous', 'medical', 'biohazard', 'infectious', 'radioactive'],
    means: 'garbage collection services',
    naics: '562111',
  },
  {
    words: ['hazardous', 'biohazard', 'infectious'],
    context: ['pickup', 'collection', 'removal', 'haul', 'hauling'],
    means: 'hazardous waste collection services',
    naics: '562112',
  },
  {
    words: ['mobile', 'cellular', 'wireless'],
    context: [...BILLED, 'plan', 'data', 'service', 'line'],
    reach: 3, // "Cell phone plan": cell → cellular telephone, phone → telephone
    means: 'cellular telephone services',
    naics: '517312',
  },
  { words: ['landline'], means: 'telephone carriers, wired', naics: '517311' },
  {
    words: ['internet', 'broadband'],
    context: [...BILLED, 'plan', 'service', 'access', 'connection', 'internet', 'broadband'],
    alone: true, // "Business fiber internet, 500 Mbps", not "Internet radio"
    means: 'internet service providers, wired telecommunications',
    naics: '517311',
  },
  { words: ['airfare'], means: 'passenger air transportation, scheduled', naics: '481111' },
  {
    words: ['air', 'plane'],
    context: FARE,
    means: 'passenger air transportation, scheduled',
    naics: '481111',
  },
  {
    words: ['flight', 'airline'],
    context: FARE,
    alone: true, // "Round-trip flight to conference", not "Flight simulator"
    means: 'passenger air transportation, scheduled',
    naics: '481111',
  },
  {
    words: ['mover', 'relocation'],
    context: ['service', 'crew', 'company', 'truck'],
    alone: true, // "Office relocation movers"
    means: 'used household and office goods moving',
    naics: '484210',
  },
  {
    words: ['carpet', 'rug', 'upholstery'],
    context: ['cleaning', 'shampooing'],
    means: 'carpet cleaning on customers premises',
    naics: '561740',
  },
  {
    words: ['bus', 'coach'],
    context: FARE,
    means: 'intercity bus line operation',
    naics: '485210',
  },
  {
    words: ['gym', 'fitness'],
    context: ['membership', 'dues', 'fee', 'pass', 'class'],
    means: 'fitness centers',
    naics: '713940',
  },
  {
    words: ['recruiting', 'recruitment', 'placement'],
    context: ['fee', 'agency', 'firm', 'service'],
    means: 'employment agencies',
    naics: '561311',
  },
  {
    words: ['train', 'rail', 'railway'],
    context: FARE,
    means: 'passenger railways',
    naics: '482111',
  },
  {
    words: ['rideshare', 'ridesharing', 'uber', 'lyft'],
    means: 'taxicab services',
    naics: '485310',
  },
  {
    words: ['conference', 'convention', 'expo', 'tradeshow'],
    context: ['registration', 'fee', 'ticket', 'pass', 'booth'],
    means: 'convention or trade show event planners',
    naics: '561920',
  },
  {
    // A member's dues are a professional association's ("AIA MEMBERSHIP DUES"); not "bar", also chocolate.
    words: ['membership', 'society'],
    context: ['due'],
    notAfter: ['union', 'gym', 'fitness', 'club', 'country', 'hoa', 'homeowner'],
    means: 'professional membership associations',
    naics: '813920',
  },
  {
    words: ['parking'],
    context: ['fee', 'charge', 'garage', 'permit', 'pass', 'ticket', 'validation'],
    means: 'parking lots, automobile',
    naics: '812930',
  },
  {
    words: ['toll'],
    context: ['charge', 'fee', 'road', 'highway', 'bridge', 'tag', 'transponder'],
    means: 'toll road operations, highway',
    naics: '488490',
  },
  {
    words: ['rent', 'lease'],
    context: ['payment', 'invoice', 'charge'],
    opensPhrase: true,
    means: 'building rental or leasing',
    naics: '531120',
  },
  {
    // A break room's microwave, not microwave components or relay towers.
    words: ['microwave'],
    context: ['oven', 'countertop', 'ctop', 'otr'],
    alone: true,
    means: 'microwave ovens household-type',
    naics: '335220',
  },
  // Rent alone, a ledger's label ("RENT - STORE 07"): the premises'.
  { words: ['rent'], context: [], alone: true, opensPhrase: true, means: 'building rental or leasing', naics: '531120' },
  {
    words: ['office', 'warehouse', 'building', 'space', 'store', 'shop'],
    context: ['rent', 'lease', 'rental'],
    reach: 1,
    means: 'building rental or leasing',
    naics: '531120',
  },
  {
    words: ['gasoline', 'diesel', 'petrol', 'fuel', 'kerosene', 'unleaded'],
    // Not "tank" or "pump": a fuel tank and a fuel pump are goods (automotive parts).
    context: ['fill', 'fillup', 'refuel', 'refueling', 'card', 'bulk', 'delivery', 'delivered', 'octane', 'oct'],
    alone: true,
    means: 'fuels made in petroleum refineries',
    naics: '324110',
  },
  {
    words: ['bank', 'banking', 'wire', 'overdraft', 'account'],
    context: ['fee', 'charge'],
    means: 'commercial banking',
    naics: '522110',
  },
  // A trade's worker, or counsel, hired for the work (not "Electricians' apprenticeship training").
  { words: ['electrician'], means: 'electrician', naics: '238210' },
  { words: ['plumber'], means: 'plumbers', naics: '238220' },
  { words: ['roofer'], means: 'roofing contractors', naics: '238160' },
  { words: ['counsel'], means: "lawyers' offices", naics: '541110' },
  { words: ['interpreter', 'interpreting'], means: 'language interpretation services', naics: '541930' },
  { words: ['electrical', 'electric'], context: ['contractor', 'work'], reach: 1, means: 'electrical contractors', naics: '238210' },
  { words: ['plumbing'], context: ['contractor'], reach: 1, means: 'plumbing contractors', naics: '238220' },
  { words: ['legal'], context: ['fee', 'service', 'retainer', 'consultation'], reach: 1, means: "lawyers' offices", naics: '541110' },
  { words: ['hvac'], context: ['contractor'], reach: 1, means: 'hvac heating ventilation air conditioning contractors', naics: '238220' },
  {
    words: ['audit', 'auditing'],
    context: ['fee', 'service'],
    means: 'auditing services, accounts',
    naics: '541211',
  },
  {
    words: ['ocean', 'sea'],
    context: ['freight', 'shipping', 'shipment', 'cargo'],
    means: 'deep sea freight transportation',
    naics: '483111',
  },
  {
    words: ['air'],
    context: ['freight', 'cargo', 'shipment', 'shipping'],
    means: 'scheduled air freight transportation',
    naics: '481112',
  },
  {
    words: ['tow', 'towing'],
    context: ['service', 'fee', 'charge', 'disabled', 'vehicle', 'veh'],
    alone: true,
    means: 'towing services, motor vehicle',
    naics: '488410',
  },
  {
    words: ['breakfast', 'lunch', 'dinner'],
    context: ['restaurant', 'receipt', 'tip'],
    alone: true,
    means: 'full service restaurants',
    naics: '722511',
  },
  {
    words: ['billboard'],
    context: ['space', 'ad', 'advertising', 'advertisement', 'campaign', 'rental', 'placement', 'posting'],
    means: 'billboard display advertising services',
    naics: '541850',
  },
  {
    words: ['spanish', 'french', 'german', 'english', 'mandarin', 'chinese', 'japanese', 'italian', 'arabic', 'portuguese', 'language'],
    context: ['lesson', 'class', 'course', 'tutoring', 'instruction', 'training', 'school'],
    means: 'language schools',
    naics: '611630',
  },
  {
    words: ['drug'],
    context: ['screen', 'screening', 'test', 'testing'],
    reach: 1,
    means: 'employee drug testing services',
    naics: '621999',
  },
  { words: ['postage'], means: 'postal services', naics: '491110' },
  {
    words: ['cloud'],
    context: ['storage', 'backup', 'hosting', 'compute', 'computing', 'infrastructure', 'server', 'service', 'subscription'],
    means: 'data processing hosting services',
    naics: '518210',
  },
  {
    // A book bought is the publisher's; a blank one ("Composition book", "Receipt book") is stationery.
    words: ['book', 'textbook', 'novel'],
    context: ['set', 'title', 'edition', 'copy'],
    alone: true,
    notAfter: [
      'composition', 'receipt', 'log', 'appointment', 'address', 'guest', 'sketch', 'note', 'memo', 'order', 'account',
      'record', 'exercise', 'check', 'scrap', 'coloring', 'phone', 'visitor', 'field', 'blank', 'comic', 'coupon',
      'ticket', 'invoice', 'form', 'work', 'job', 'service', 'sales', 'carbonless', 'manifold',
    ],
    means: 'book publishers',
    naics: '511130',
  },
  {
    words: ['mail', 'stamp'],
    context: ['fee', 'postage', 'charge', 'service', 'stamp'],
    means: 'postal services',
    naics: '491110',
  },
];

/**
 * Context words that name the bill or the booking itself: what follows them qualifies it ("Gas bill
 * Main Street store", "Office rent Suite 200"). After any other context word ("usage", "ride",
 * "charge", "data"), a vocabulary word that is not a word of a bill names a good the service word
 * qualifies: "Water usage meter", "Air ride seat", "Internet connection cable".
 */
const DOCUMENT_WORDS = new Set(
  terms('bill billing invoice statement ticket fare fee rent rental lease payment'),
);
/** Work that follows a hired trade's context word: "Electric contractor installation", "… labor". */
const WORK_WORDS = new Set(terms('installation repair maintenance labor'));
const TRANSACTION_WORDS = new Set(
  terms(
    'bill payment fee charge invoice account plan subscription deposit monthly statement service ' +
      'booking reservation change cancellation renewal refund surcharge tax credit adjustment up',
  ),
);

type Meaning = {
  applies: (tokens: readonly Token[], i: number, isTerm: (term: string) => boolean) => boolean;
  terms: readonly string[];
  naics: string;
};

/** Whether tokens[i] ends the item's phrase (text.ts itemPhrase). */
function endsItemPhrase(tokens: readonly Token[], i: number): boolean {
  return itemPhrase(tokens).at(-1) === tokens[i];
}

/** Whether a written word comes before tokens[i] in its phrase. */
function wordBefore(tokens: readonly Token[], i: number): boolean {
  const { segment, clause } = tokens[i]!;
  return tokens.slice(0, i).some((t) => !t.family && t.segment === segment && t.clause === clause);
}

/** The meanings by the word that opens them, their NAICS words as index terms (stemmed, no stopwords). */
const byWord = new Map<string, Meaning[]>();
for (const { words, context, reach = 2, alone, opensPhrase, notAfter, means, naics } of EVERYDAY_MEANINGS) {
  const meaningTerms = terms(means);
  const applies: Meaning['applies'] = (tokens, i, isTerm) => {
    if (opensPhrase && wordBefore(tokens, i)) return false;
    if (notAfter && i > 0 && notAfter.includes(tokens[i - 1]!.term)) return false;
    if (!context || (alone && endsItemPhrase(tokens, i))) return true;
    const { segment, position } = tokens[i]!;
    const at = tokens.findIndex(
      (t, j) =>
        j > i &&
        t.segment === segment &&
        t.position - position <= reach &&
        context.includes(t.term),
    );
    if (at < 0) return false;
    if (DOCUMENT_WORDS.has(tokens[at]!.term)) return true;
    const next = nextInPhrase(tokens, at);
    const namesAGood =
      next !== undefined &&
      isTerm(next.term) &&
      !TRANSACTION_WORDS.has(next.term) &&
      !WORK_WORDS.has(next.term) &&
      !context.includes(next.term) &&
      !meaningTerms.includes(next.term);
    return !namesAGood;
  };
  const meaning = { applies, terms: meaningTerms, naics };
  for (const word of words) byWord.set(word, [...(byWord.get(word) ?? []), meaning]);
}

/** `tokens` with each word that opens an everyday meaning replaced by that meaning's NAICS words. */
export function withEverydayMeanings(tokens: Token[], isTerm: (term: string) => boolean): Token[] {
  if (!tokens.some((token) => byWord.has(token.term))) return tokens;
  const out: Token[] = [];
  tokens.forEach((token, i) => {
    const meaning = byWord.get(token.term)?.find(({ applies }) => applies(tokens, i, isTerm));
    if (!meaning) out.push(token);
    else
      for (const term of meaning.terms)
        out.push({
          term,
          position: token.position,
          segment: token.segment,
          clause: token.clause,
          family: true,
          naics: meaning.naics,
        });
  });
  return out;
}
