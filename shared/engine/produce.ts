import type { Token } from './text';

/**
 * Fresh produce, seafood, eggs, birds and nursery stock bought by name ("Onions, yellow, 50 lb
 * sack", "Frozen shrimp 21/25", "EGGS LG", "Bermuda sod"). NAICS names a crop in its farm's index
 * entries ("Onion farming, field, bedding
 * plant and seed production"), a long entry that weighs little against a short one of a food made
 * from it ("Onions pickled"), and a catch in fishing's ("Tuna fishing"), while a buyer's fish
 * comes from seafood preparation ("eviscerating fresh fish", "freezing seafood"). A line reads as
 * the crop or the catch itself when its item phrase names it beside nothing but qualifiers, words
 * of the producer's own entries and words the vocabulary lacks, and no word of the line names a
 * food made from a crop or a catch ("chips", "juice", "pickled"; gathered from the food and
 * beverage manufacturers' entries by scripts/build-engine-index.ts).
 */
export interface ProduceIndex {
  /** A crop's or a catch's word → the code that produces it as bought. */
  sources: Record<string, string>;
  /** Each producer's words (its title's and index entries'): what may stand beside its crop. */
  producerWords: Record<string, string[]>;
  /** Words of foods made from a crop or a catch (food and beverage manufacturers' entries that name one). */
  madeWords: string[];
}

/** Prepared seafood and processed poultry: what a buyer's fish or bird, fresh, frozen or canned, is. */
const SEAFOOD_PREPARATION = '311710';
const POULTRY_PROCESSING = '311615';

/**
 * The source an index entry names, and its producer as bought: crops of vegetable and melon farms
 * (1112), fruit farms (1113, not tree nuts, bought shelled or roasted), mushroom growers and
 * nurseries (sod, shrubs), eggs of egg farms, birds of poultry farms (1123, processed poultry as
 * bought) and catches of fishing (1141) and aquaculture (1125, prepared seafood as bought). The
 * source is the entry's word before "farming", "groves", "orchards", "fishing" or "production"
 * ("Onion farming", "Lemon groves", "Chicken egg production", "Turkey production", "Tuna fishing",
 * "Catfish production, farm raising").
 */
export function sourceOfEntry(code: string, entry: string): { word: string; producer: string } | undefined {
  const grown = /^(?:1112|1113(?!35)|111411|11142)/.test(code);
  const raised = code.startsWith('1123');
  const caught = /^(?:1141|1125)/.test(code);
  if (!grown && !raised && !caught) return undefined;
  const word = /^(?:[a-z']+ )?([a-z']+) (?:farming|fishing|production|groves|orchards)\b/i.exec(entry)?.[1]?.toLowerCase();
  if (!word || NOT_A_SOURCE.has(word)) return undefined;
  if (caught) return { word, producer: SEAFOOD_PREPARATION };
  if (raised && word !== 'egg') return { word, producer: POULTRY_PROCESSING };
  return { word, producer: code };
}

/**
 * Entry words that are no source a buyer writes alone, or one buyers mostly mean otherwise:
 * - no crop: "Truck farming", "Vegetable and melon farming", "Mushroom spawn", a nursery's seed,
 *   cuttings, tissue culture and nursery material;
 * - another sense: lime (quicklime), pepper (the spice, the spray), corn (field, sweet, feed),
 *   date, bass (a guitar), ray, shark and dolphin (brands), turf (also synthetic), a bird's fryer,
 *   roaster and broiler (appliances);
 * - bought processed: fig, olive, raisin and prune (dried or canned), coffee (roasted);
 * - raised for no plate: pearls, goldfish, bait, alligators.
 */
const NOT_A_SOURCE = new Set([
  'truck', 'vegetable', 'melon', 'fruit', 'combination', 'crop', 'tree', 'nut', 'spawn', 'herb', 'spice',
  'lime', 'pepper', 'corn', 'date', 'fig', 'olive', 'raisin', 'prune', 'coffee',
  'bass', 'ray', 'shark', 'dolphin', 'frog', 'turtle', 'terrapin', 'perch',
  'pearl', 'goldfish', 'minnow', 'baitfish', 'algae', 'alligator',
  'fryer', 'roaster', 'broiler', 'pullet', 'hen', 'layer', 'ratite',
  'mat', 'material', 'culture', 'cutting', 'seed', 'corm', 'turf',
]);

/** Words of grade, size, colour, variety and pack that qualify a crop or a catch as bought. */
const QUALIFIERS = new Set([
  'fresh', 'raw', 'whole', 'organic', 'ripe', 'baby', 'jumbo', 'large', 'medium', 'small', 'extra', 'fancy',
  'choice', 'select', 'seedless', 'sweet', 'russet', 'iceberg', 'romaine', 'roma', 'hass', 'navel', 'gala',
  'fuji', 'granny', 'bartlett', 'valencia', 'vidalia', 'yukon', 'heirloom', 'bunch', 'head', 'heart', 'leaf',
  'loose', 'bulk', 'local', 'petite', 'wild', 'atlantic', 'pacific', 'farmed', 'boneless', 'skinless', 'fillet',
  'grade', 'aa', 'button', 'young', 'breast', 'thigh', 'wing', 'leg', 'drumstick',
  'case', 'box', 'bag', 'sack', 'carton', 'crate', 'flat', 'bushel', 'tray', 'pack', 'lug', 'bin', 'clamshell',
]);

/**
 * Words of a crop made into a food or a catch sold alive, beside those NAICS's food makers write
 * with a crop (ProduceIndex.madeWords): "Tomatoes, diced, in juice", "Oysters, farm-raised, live";
 * and a crop under glass is the greenhouse's ("TOMATO HOTHOUSE").
 */
const NOT_AS_GROWN = new Set([
  'can', 'juice', 'diced', 'chopped', 'crushed', 'mashed', 'shredded', 'puree', 'jam', 'jelly', 'preserve',
  'fried', 'fry', 'soup', 'salad', 'pie', 'bread', 'vinegar', 'ketchup', 'salsa', 'relish', 'seasoning',
  'live', 'greenhouse', 'hothouse', 'hydroponic',
]);

/** Which code produces what a line buys, when it buys a crop or a catch by name. */
export class Produce {
  private readonly sources: ReadonlyMap<string, string>;
  private readonly producerWords: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly madeWords: ReadonlySet<string>;

  constructor(index: ProduceIndex) {
    this.sources = new Map(Object.entries(index.sources));
    this.producerWords = new Map(Object.entries(index.producerWords).map(([code, words]) => [code, new Set(words)]));
    this.madeWords = new Set([...index.madeWords, ...NOT_AS_GROWN]);
  }

  /** The producer of the crop or catch the item phrase names, if the line buys it as it is. */
  producerOf(tokens: readonly Token[], item: readonly Token[], isTerm: (term: string) => boolean): string | undefined {
    const source = item.findLast((t) => this.sources.has(t.term)); // "chicken egg": the egg
    if (!source) return undefined;
    const producer = this.sources.get(source.term)!;
    const own = this.producerWords.get(producer)!;
    if (tokens.some((t) => this.madeWords.has(t.term) && !own.has(t.term))) return undefined;
    const qualifies = (t: Token) => !isTerm(t.term) || QUALIFIERS.has(t.term) || own.has(t.term) || this.sources.has(t.term);
    return item.every(qualifies) ? producer : undefined;
  }
}

/** Whether a word only qualifies a source as bought (not a word of a food made from it: "Carrots, fresh cut"). */
export function isQualifier(term: string): boolean {
  return QUALIFIERS.has(term);
}
