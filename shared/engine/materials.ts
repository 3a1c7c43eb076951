/**
 * Materials a buyer names as a modifier ("BUSHING BRASS", "TEE PVC") and the NAICS subsectors
 * that make goods of one material. A code of another material than every one the line names is
 * an unlikely reading ("bushings, plastics" for a brass bushing). Words are stemmed.
 */
type Material = 'metal' | 'plastic' | 'rubber' | 'wood' | 'paper' | 'glass' | 'concrete' | 'leather';

const MATERIAL_OF_WORD: Record<string, Material> = {
  metal: 'metal', steel: 'metal', iron: 'metal', brass: 'metal', bronze: 'metal', copper: 'metal',
  aluminum: 'metal', aluminium: 'metal', stainless: 'metal', galvanized: 'metal', zinc: 'metal',
  titanium: 'metal', nickel: 'metal', chrome: 'metal', tin: 'metal',
  plastic: 'plastic', polyvinyl: 'plastic', polyethylene: 'plastic', polypropylene: 'plastic',
  vinyl: 'plastic', acrylic: 'plastic', polycarbonate: 'plastic', melamine: 'plastic', polyolefin: 'plastic',
  rubber: 'rubber', latex: 'rubber', neoprene: 'rubber', nitrile: 'rubber',
  wood: 'wood', wooden: 'wood', lumber: 'wood', plywood: 'wood', hardwood: 'wood', timber: 'wood',
  oak: 'wood', pine: 'wood', cedar: 'wood', birch: 'wood', teak: 'wood', mahogany: 'wood',
  paper: 'paper', paperboard: 'paper', cardboard: 'paper', corrugated: 'paper',
  glass: 'glass', concrete: 'concrete', cement: 'concrete', leather: 'leather',
};

/** Longest matching prefix wins (3261 plastics before 326 plastics and rubber). */
const MATERIAL_OF_SUBSECTOR: [prefix: string, material: Material][] = [
  ['3261', 'plastic'], ['3262', 'rubber'], ['321', 'wood'], ['322', 'paper'], ['3272', 'glass'],
  ['3273', 'concrete'], ['331', 'metal'], ['332', 'metal'], ['316', 'leather'],
];

export function materialOfWord(term: string): Material | undefined {
  return Object.hasOwn(MATERIAL_OF_WORD, term) ? MATERIAL_OF_WORD[term] : undefined;
}

/** Subsectors whose titles name the material of their goods ("Wood Office Furniture", "Motor Vehicle Metal Stamping"). */
const TITLED_BY_MATERIAL = ['3252', '316', '326', '336', '337'];
/** …and where a title naming none means none: footwear is of rubber and plastics too. */
const TITLE_ONLY = '316';

/**
 * The one material a code's goods are made of: in TITLED_BY_MATERIAL, the one its title names
 * outside an "(except …)", else its subsector's. A title naming two ("Rubber and Plastics Hoses
 * and Belting") gives none.
 */
export function materialOfCode(code: string, title: string): Material | undefined {
  const subsector = MATERIAL_OF_SUBSECTOR.find(([prefix]) => code.startsWith(prefix))?.[1];
  if (!TITLED_BY_MATERIAL.some((prefix) => code.startsWith(prefix))) return subsector;
  const named = new Set(
    title
      .replace(/\(except[^)]*\)/gi, '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .flatMap((word) => materialOfWord(word.replace(/s$/, '')) ?? []),
  );
  if (named.size > 1) return undefined;
  return [...named][0] ?? (code.startsWith(TITLE_ONLY) ? undefined : subsector);
}

/** Metal mills, tanneries, pulp and paper mills, resin and fibre plants: they make the material itself. */
const MATERIAL_MAKERS = ['331', '3161', '3221', '3252'];

/**
 * Whether a code makes its material rather than goods of it: a line that names the material as a
 * modifier ("Leather work gloves", "Paper cups", "Steel shelving") buys goods of it, not hides,
 * paper or steel; one that buys the material ("Aluminum sheet") finds the mill a match.
 */
export function makesTheMaterial(code: string): boolean {
  return MATERIAL_MAKERS.some((prefix) => code.startsWith(prefix));
}

/**
 * Fibres qualify an item as a material does ("Flag, U.S., nylon", "NYLON LAUNDRY BAG"), but are no
 * code's material: textile mills make goods of many, plastics makers nylon and polyester too. Not
 * cotton ("Cotton balls"), wool (also mineral wool), linen (a linen service) or canvas (a tarp).
 */
const FIBERS = new Set(['nylon', 'polyester', 'rayon', 'spandex', 'silk', 'jute', 'hemp', 'fleece', 'denim', 'burlap']);

export function isFiber(term: string): boolean {
  return FIBERS.has(term);
}

/** Materials bought as products in their own right ("copy paper", "ready-mix concrete", "lumber"). */
const MATERIAL_PRODUCTS = new Set(['paper', 'paperboard', 'cardboard', 'concrete', 'cement', 'lumber', 'plywood', 'glass']);

export function isMaterialProduct(term: string): boolean {
  return MATERIAL_PRODUCTS.has(term);
}

/**
 * Words that tell an item's history, not what it is: a modifier wherever they stand, like a
 * material after the first word. "Recycled copy paper" is paper, not the pulp mills whose
 * description mentions recycled rags.
 */
const CONDITION_WORDS = new Set(['recycled', 'refurbished', 'reconditioned', 'remanufactured']);

export function isConditionWord(term: string): boolean {
  return CONDITION_WORDS.has(term);
}

/**
 * Adjectives of a property ("wireless", "portable", "disposable", "cordless"), the light an item
 * gives ("LED") and its grade ("premium", "heavy", "professional"): before a noun they qualify
 * it. NAICS names few items by them, so the rare text that does ("Cordless telephones", "Wireless
 * telecommunications carriers", "LED manufacturing", a semiconductor) would otherwise decide a
 * "Wireless mouse" or an "LED flashlight"; "Printed envelopes" are envelopes, whose printing (a
 * family word, abbreviations.ts) is no printed circuit's. Not "commercial" or "industrial": NAICS
 * splits goods by them ("Vacuum cleaners, commercial-type", "Industrial gases").
 */
const QUALIFYING_WORDS = new Set(['led', 'printed', 'heavy', 'high', 'professional', 'premium', 'economy', 'deluxe']);

export function isPropertyAdjective(term: string): boolean {
  return QUALIFYING_WORDS.has(term) || (term.length > 6 && /(?:less|able|ible|ful)$/.test(term));
}

/**
 * Shapes a mill or foundry makes of a material ("Copper wire", "Aluminum sheet", "Steel pipe"): there
 * the material names the product as much as the shape does, so it keeps its weight.
 */
const MILL_FORMS = new Set([
  'wire', 'sheet', 'plate', 'tube', 'tubing', 'pipe', 'bar', 'rod', 'foil', 'strip', 'coil',
  'ingot', 'billet', 'beam', 'rebar', 'casting', 'forging', 'shape', 'powder', 'resin', 'film',
]);

export function isMillForm(term: string): boolean {
  return MILL_FORMS.has(term);
}
