/**
 * Prior weight of a NAICS code for a purchase line: purchased goods are priced at the
 * producer's code, so the makers of goods (isGoodsCode: manufacturing, mines and quarries) are the
 * default home of a product noun, weight 1, while builders, wholesalers, retail stores and farms
 * (which also list the product in their index entries: "guardrail construction", "hardware
 * stores") are less likely readings, as are apparel "contractors" (who sew for others). Hand-set
 * from how spend-based inventories map goods; the few levels were compared once on the
 * development file (see README).
 */
const SECTOR_PRIOR: Record<string, number> = {
  '11': 0.75, '23': 0.6, '42': 0.8, '44': 0.6, '45': 0.6,
};
const OTHER_SECTORS = 0.85;

/** What a line buys, as far as the sectors' priors go: goods, a service, or a contractor's work. */
export type Purchase = 'goods' | 'service' | 'contractor';

/**
 * A line that buys a service (it ends on a service word) finds contractors selling work (a
 * plumber for "Plumbing repair"); one that hires a contractor ("Electrical contractor") or a
 * trade's work (hiresATrade: "HVAC repair") finds construction as likely as any other service.
 */
export function sectorPrior(code: string, title: string, buys: Purchase = 'goods'): number {
  const sector = buys === 'contractor' && code.startsWith('23') ? undefined : SECTOR_PRIOR[code.slice(0, 2)];
  const prior = isGoodsCode(code) ? 1 : (sector ?? OTHER_SECTORS);
  return /contractors/i.test(title) && buys === 'goods' ? prior * 0.6 : prior;
}

/** Service words that hire a contractor. */
export const CONTRACTOR_WORDS: ReadonlySet<string> = new Set(['contractor', 'subcontractor']);
/**
 * Work a trade contractor does on a building's systems as often as a repair shop does on machines:
 * "HVAC repair", "Elevator maintenance" and "Water meter installation" are the trades' (238).
 */
const TRADE_WORK: ReadonlySet<string> = new Set(['repair', 'maintenance', 'installation']);

/** Whether a line whose service word is `word` finds construction as likely as any other service. */
export function hiresATrade(word: string): boolean {
  return CONTRACTOR_WORDS.has(word) || TRADE_WORK.has(word);
}

/**
 * A line whose item part ends on a service ("Forklift rental", "Oil change service", "Elevator
 * inspection") buys the service, not the goods it names: goods codes (31–33) count this much.
 */
export const GOODS_WHEN_A_SERVICE = 0.6;
/** …and codes outside the industries that sell that service (SERVICE_INDUSTRIES) this much. */
export const OTHER_INDUSTRIES_WHEN_A_SERVICE = 0.4;

/**
 * The service words a line can end on, each with the industries (NAICS prefixes) that sell that
 * service, from the NAICS titles ("Repair and Maintenance" 811, "Rental and Leasing Services"
 * 532, "Services to Buildings and Dwellings" 5617, "Specialty Trade Contractors" 238 for work on a
 * building) and index entries ("Portable toilet renting" 562991, "Uniform supply services" 8123,
 * "Limousine rental with driver" 4853); none listed: any industry may.
 */
const RENTAL = ['532', '531', '8123', '5629', '4853', '2389'];
const SERVICE_INDUSTRIES: Record<string, readonly string[]> = {
  repair: ['811', '238'],
  maintenance: ['811', '238', '5617'],
  servicing: ['811', '5629'],
  rental: RENTAL,
  lease: RENTAL,
  leasing: RENTAL,
  hire: RENTAL,
  cleaning: ['5617', '8123', '5629'],
  washing: ['5617', '8123', '8111'],
  installation: ['238', '811'],
  painting: ['2383'],
  audit: ['5412'],
  translation: ['5419'],
  drafting: ['5413'],
  inspection: ['5413', '5419', '8111'],
  calibration: ['811', '5413'],
  tuning: ['811'],
  training: ['611', '6243'],
  course: ['611', '6243'],
  lesson: ['611'],
  exam: ['621'],
  consulting: ['5416', '5415'],
  testing: ['5413', '6215'],
  // NAICS's medical laboratories analyse what a patient gives ("Blood analysis laboratories"): their
  // own words find them; any other sample's analysis is a testing laboratory's.
  analysis: ['5413'],
  hosting: ['518'],
  hauling: ['484', '562'],
  crating: ['4889'],
  transport: ['48', '6219'],
  transportation: ['48', '6219'],
  towing: ['4884'],
  mowing: ['5617'],
  trimming: ['5617'],
  pruning: ['5617'],
  plowing: ['5617', '4884'],
  sweeping: ['5617', '4884'],
  rekeying: ['5616'],
  shredding: ['5619'],
  striping: ['2373', '2389'],
  resurfacing: ['2373', '2389'],
  refinishing: ['238', '811'],
  abatement: ['5629'],
  pumping: ['5629'],
  removal: ['562', '5617', '238'],
  disposal: ['562'],
  treatment: [],
  service: [],
  subscription: [],
  // Labor is the trades' work, temporary help, or a repair shop's hours.
  labor: ['238', '5613', '811'],
  labour: ['238', '5613', '811'],
  // A contractor is hired for the work: any industry's (a trade, an apparel contractor). Not a
  // named service, or the "(except apparel contractors)" entries would name one.
  contractor: [],
  subcontractor: [],
  visit: [],
};

/** Words of the engagement, not of the service: "Computer repair call", "Plumbing repair labor". */
export const ENGAGEMENT_WORDS: ReadonlySet<string> = new Set([
  'visit', 'call', 'fee', 'charge', 'labor', 'job', 'work', 'appointment', 'agreement', 'payment', 'retainer',
]);

/**
 * The word of the item phrase (the first phrase of the first part, as `words`) that says whether
 * it buys a service: its last word, or the service word before an engagement word or an activity
 * ("… inspection and tagging"). Under a `label` (serviceLabelOf), an item whose last word names no
 * service is read by its first word that names one ("LABOR: HVAC REPAIR AHU-3" → repair), else by
 * the label.
 */
export function serviceWordOf(words: readonly { term: string }[], label?: string): string {
  const last = words.at(-1)?.term ?? '';
  const before = words.at(-2)?.term ?? '';
  const activity = last.endsWith('ing') && !serviceIndustries(last);
  if ((ENGAGEMENT_WORDS.has(last) || activity) && serviceIndustries(before)?.length) return before;
  if (label === undefined || serviceIndustries(last)) return last;
  return words.find((w) => serviceIndustries(w.term)?.length)?.term ?? label;
}

/**
 * Words that name a class of things, not an item: no head ("monitoring equipment", "computer
 * systems"), and a heading part that only names one is a label ("PARTS AND ACCESSORIES, BATTERY").
 */
export const CLASS_WORDS = new Set([
  'equipment', 'system', 'supply', 'service', 'product', 'machinery', 'material', 'accessory', 'tool', 'device', 'part',
]);

/**
 * The label of a line whose first part is one engagement or service word ("LABOR: HVAC REPAIR
 * AHU-3", "SVC - ELEVATOR", "RENTAL: EXCAVATOR"): the item is the rest (firstPartLast).
 */
export function serviceLabelOf(tokens: readonly { term: string; segment: number }[]): string | undefined {
  const label = tokens[0];
  const next = tokens[1];
  if (!label || !next || label.segment === next.segment) return undefined;
  return ENGAGEMENT_WORDS.has(label.term) || serviceIndustries(label.term) ? label.term : undefined;
}

/**
 * Whether a heading's first part only names a class the rest narrows ("PARTS AND ACCESSORIES,
 * BATTERY", "Tools, Helicopter"): the item is the rest (firstPartLast).
 */
export function isClassHeading(tokens: readonly { term: string; segment: number; family: boolean }[]): boolean {
  const segment = tokens[0]?.segment;
  if (segment === undefined || tokens.at(-1)!.segment === segment) return false;
  // Asked of every line: read the first part in place rather than copying it out.
  for (const t of tokens) {
    if (t.segment !== segment) return true;
    if (!t.family && !CLASS_WORDS.has(t.term)) return false;
  }
  return true;
}

/**
 * A labelled line's tokens with the first part (the label) moved to the end, as the last
 * qualifier: the rental documents still need the word.
 */
export function firstPartLast<T extends { segment: number; position: number }>(tokens: readonly T[]): T[] {
  const label = tokens.filter((t) => t.segment === tokens[0]!.segment);
  const rest = tokens.slice(label.length);
  const shift = rest[0]!.segment;
  const moved = rest.map((t) => ({ ...t, segment: t.segment - shift, position: t.position - label.length }));
  const last = moved.at(-1)!;
  return [...moved, ...label.map((t, i) => ({ ...t, segment: last.segment + 1, position: last.position + 1 + i }))];
}

/** The service words that say which service (repair, rental …, not "service" itself). */
export const NAMED_SERVICES = Object.keys(SERVICE_INDUSTRIES).filter((word) => SERVICE_INDUSTRIES[word]!.length > 0);

/** The industries that sell the service `term` (stemmed) names ([] for any), if it is a service word. */
export function serviceIndustries(term: string): readonly string[] | undefined {
  return Object.hasOwn(SERVICE_INDUSTRIES, term) ? SERVICE_INDUSTRIES[term] : undefined;
}

/**
 * Each code's weight for a line ending on a service sold by `industries` ([] for any): a goods
 * code GOODS_WHEN_A_SERVICE, a code of another industry OTHER_INDUSTRIES_WHEN_A_SERVICE (a goods
 * code is both).
 */
export function serviceWeights(codes: readonly string[], industries: readonly string[]): Float64Array {
  return Float64Array.from(codes, (code) => {
    const sold = industries.length === 0 || industries.some((prefix) => code.startsWith(prefix));
    return (isGoodsCode(code) ? GOODS_WHEN_A_SERVICE : 1) * (sold ? 1 : OTHER_INDUSTRIES_WHEN_A_SERVICE);
  });
}

/**
 * Manufactured, mined or quarried goods: mines and quarries sell goods too (sand, crushed stone,
 * rock salt), unlike mining's support services (213).
 */
export function isGoodsCode(code: string): boolean {
  return (code >= '31' && code < '34') || code.startsWith('212');
}
