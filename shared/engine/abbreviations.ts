/**
 * General procurement and catalogue abbreviations (purchase orders, MRO catalogues, NSN item
 * names). Written from trade usage, not from any evaluation file. A value replaces the word;
 * a value listing the word itself keeps it and adds the expansion, as it must for a word NAICS
 * writes too ("pest control", "truck cabs", "fuel cells", "herbs").
 */
const ABBREVIATIONS: Record<string, string> = {
  assy: 'assembly', asm: 'assembly', assm: 'assembly',
  sched: 'schedule', sch: 'schedule',
  pvc: 'polyvinyl chloride plastic', cpvc: 'polyvinyl chloride plastic',
  hdpe: 'polyethylene plastic', ldpe: 'polyethylene plastic', poly: 'polyester plastic',
  abs: 'plastic', ptfe: 'plastic', nylon: 'nylon plastic',
  stl: 'steel', ss: 'stainless steel', sst: 'stainless steel', galv: 'galvanized steel',
  alum: 'aluminum', al: 'aluminum', alu: 'aluminum', cu: 'copper', brz: 'bronze', cop: 'copper',
  ci: 'cast iron', di: 'ductile iron', blk: 'black',
  elec: 'electric', elect: 'electric', electr: 'electric',
  hdwe: 'hardware', hdw: 'hardware', hw: 'hardware',
  mip: 'pipe thread', fip: 'pipe thread', fipt: 'pipe thread', mipt: 'pipe thread', npt: 'pipe thread',
  comp: 'compression', flg: 'flange', flgd: 'flanged', thd: 'threaded', thrd: 'threaded',
  vlv: 'valve', valv: 'valve', cplg: 'coupling', cpl: 'coupling', coup: 'coupling', adptr: 'adapter',
  adpt: 'adapter', adapt: 'adapter', elb: 'elbow', ell: 'elbow', redr: 'reducer',
  brkt: 'bracket', bkt: 'bracket', hex: 'hex', bolt: 'bolt', nut: 'nut', scr: 'screw', wshr: 'washer',
  mtr: 'motor', pmp: 'pump', xfmr: 'transformer', xformer: 'transformer', trans: 'transformer',
  batt: 'battery', bat: 'battery', chgr: 'charger', chrgr: 'charger', pwr: 'power',
  cbl: 'cable', cord: 'cord', ext: 'extension', conn: 'connector', cond: 'conduit', recpt: 'receptacle',
  sw: 'switch', swt: 'switch', lt: 'light', ltg: 'lighting', lmp: 'lamp', bulb: 'lamp bulb',
  fluor: 'fluorescent',
  pc: 'computer', cpu: 'computer', pcs: 'computer', desktop: 'desktop computer',
  laptop: 'laptop computer', chromebook: 'laptop computer', macbook: 'laptop computer', ipad: 'tablet computer', iphone: 'smartphone', tablet: 'tablet computer',
  cat5: 'communication wire', cat5e: 'communication wire', cat6: 'communication wire', cat6a: 'communication wire',
  monitor: 'monitor', lcd: 'display', kb: 'keyboard', kbd: 'keyboard', prntr: 'printer', ptr: 'printer',
  toner: 'toner cartridge', ink: 'ink', usb: 'computer peripheral', hdmi: 'cable', ssd: 'storage device', ltl: 'less than truckload', saas: 'software', tarp: 'tarpaulin', mig: 'arc welding', tig: 'arc welding',
  hdd: 'disk drive', ram: 'memory', sftwr: 'software',
  hd: 'heavy duty', hvy: 'heavy', lg: 'large', sm: 'small', med: 'medium', xl: 'large',
  mens: 'men', men: 'men', womens: 'women', ladies: 'women',
  trouser: 'trousers', pant: 'trousers', pants: 'trousers', slacks: 'trousers', jean: 'jeans',
  shirt: 'shirt', tshirt: 'shirt', jkt: 'jacket', uniform: 'uniform',
  rayon: 'rayon', polyester: 'polyester',
  glv: 'glove', gloves: 'glove', boot: 'boot', shoe: 'shoe',
  // Plural "glasses" is eyewear; the plural folding would otherwise make it the material.
  glasses: 'eyeglass', spectacles: 'eyeglass',
  chem: 'chemical', soln: 'solution', sol: 'solution', conc: 'concentrate',
  gal: 'gallon', qt: 'quart', pt: 'pint',
  lumb: 'lumber', plywd: 'plywood', ply: 'plywood', cmt: 'cement',
  asph: 'asphalt', agg: 'aggregate',
  veh: 'vehicle', auto: 'automotive', trk: 'truck', tir: 'tire', whl: 'wheel', brk: 'brake',
  eqp: 'equipment', eqpt: 'equipment', equip: 'equipment', mach: 'machine', mtl: 'metal', met: 'metal',
  maint: 'maintenance', pm: 'maintenance', repr: 'repair',
  svc: 'service', svcs: 'service', srvc: 'service', serv: 'service',
  misc: 'miscellaneous', acc: 'accessory', acces: 'accessory', accy: 'accessory', accs: 'accessory',
  pkg: 'package', pk: 'pack', ctn: 'carton', bx: 'box', bg: 'bag', rl: 'roll', rol: 'roll',
  ppr: 'paper', pprs: 'paper', envl: 'envelope', env: 'envelope', lbl: 'label',
  disp: 'disposable', dispos: 'disposable', ster: 'sterile',
  surg: 'surgical', pharm: 'pharmaceutical', rx: 'prescription',
  resp: 'respirator', ppe: 'personal protective equipment', hi: 'high', vis: 'visibility',
  viz: 'visibility', refl: 'reflective', fr: 'flame resistant',
  hyd: 'hydraulic', pneu: 'pneumatic', lube: 'lubricating oil', lubr: 'lubricating', oil: 'oil',
  lubricant: 'lubricating oil', lubricants: 'lubricating oil',
  fltr: 'filter', filt: 'filter', gskt: 'gasket', brg: 'bearing', blt: 'belt', hose: 'hose',
  wtr: 'water', mtrs: 'meter', mtrg: 'metering', radio: 'radio', antenna: 'antenna',
  tel: 'telephone', phone: 'telephone', cell: 'cell cellular telephone', cellphone: 'cellular telephone',
  fert: 'fertilizer', herb: 'herb herbicide', pest: 'pest pesticide', insect: 'insecticide',
  furn: 'furniture', desk: 'desk furniture', chr: 'chair', cab: 'cab cabinet', cabt: 'cabinet',
  wd: 'wood', wood: 'wood', wooden: 'wood', glas: 'glass', rbr: 'rubber', rub: 'rubber', plas: 'plastic',
  plst: 'plastic', plastic: 'plastic', vinyl: 'vinyl plastic', fbrgls: 'fiberglass', fg: 'fiberglass',
  cert: 'certificate', trng: 'training', cnslt: 'consulting', mgmt: 'management', admin: 'administrative',
  diag: 'diagnostic', empl: 'employee', lgl: 'legal', adj: 'adjustable', exh: 'exhaust',
  hmac: 'asphalt paving mixture', hma: 'asphalt paving mixture', gac: 'granular activated carbon', lldpe: 'polyethylene plastic',
  asphaltic: 'asphalt', cmu: 'concrete block', rcp: 'reinforced concrete pipe', fzn: 'frozen', frz: 'frozen', chix: 'chicken',
  // Lab, clinic and kitchen shorthand. Not IPA (also a beer), HCl (after a drug's name, a
  // hydrochloride), SYR (also a syrup), CHG (also chlorhexidine) or MAG (also magnesium).
  ndl: 'needle', etoh: 'ethyl alcohol', naoh: 'sodium hydroxide', frzr: 'freezer',
  chkn: 'chicken', ntrl: 'nitrile', hardhat: 'hard hat', hfc: 'fluorocarbon gas', asl: 'language', // sign language
  // Supply-house, utility, office and plant shorthand. Not DET (also a smoke detector), CALC (also
  // calcium) or DSL (also an internet line).
  brkr: 'breaker', htr: 'heater', htg: 'heating', vac: 'vacuum', insul: 'insulation',
  corr: 'corrugated', spkr: 'speaker', alk: 'alkaline', genset: 'generator set',
  engrg: 'engineering', ckt: 'circuit', constr: 'construction', unl: 'unleaded gasoline', ulsd: 'diesel fuel',
  mayo: 'mayonnaise', liq: 'liquid', bev: 'beverage', cyl: 'cylinder', dehy: 'dehydrated', liab: 'liability',
  prem: 'premium', nat: 'natural', dj: 'disc jockey', rsc: 'corrugated box', haz: 'hazardous', cstg: 'casting', hhcs: 'hex head cap screw',
  endmill: 'end mill cutting tool', ftl: 'truckload', flt: 'flight', anodize: 'anodizing',
  // Work written as a noun after the item ("Transmission overhaul", "Fence install"), as NAICS names it.
  overhaul: 'repair', rebuild: 'repair', rewind: 'repair', install: 'installation', jetting: 'cleaning',
  // School, public-safety, electronics and store shorthand.
  brst: 'breast', bnls: 'boneless', sknls: 'skinless', wmns: 'women', plstc: 'plastic', xmas: 'christmas',
  mkt: 'market', frt: 'freight', btld: 'bottled', k9: 'dog', ammo: 'small arms ammunition', multivit: 'vitamin preparation',
  pcb: 'printed circuit board', pcba: 'printed circuit assembly', mcu: 'microcontroller', tint: 'tinting',
  suv: 'sport utility vehicle', cctv: 'closed circuit television', retread: 'tire retreading',
  ect: 'corrugated', swim: 'swimming', transp: 'transportation', lightbar: 'vehicular lighting fixture',
};

/**
 * Kind-of relations a buyer writes that the NAICS vocabulary names by their family: a
 * coupling or a tee is a pipe fitting, a socket wrench is a hand tool.
 */
const HYPERNYMS: Record<string, string> = {
  coupling: 'fitting', tee: 'fitting', elbow: 'fitting', nipple: 'fitting', bushing: 'fitting',
  adapter: 'fitting', union: 'fitting', reducer: 'fitting', cap: 'fitting', plug: 'fitting',
  flange: 'fitting', cross: 'fitting', wye: 'fitting', ferrule: 'fitting',
  wrench: 'hand tool', plier: 'hand tool', screwdriver: 'hand tool',
  hammer: 'hand tool', socket: 'hand tool', chisel: 'hand tool', shovel: 'hand tool',
  rake: 'hand tool', axe: 'hand tool', saw: 'saw', trouser: 'apparel', shirt: 'apparel',
  jacket: 'apparel', coat: 'apparel', glove: 'glove', goggle: 'goggle', helmet: 'helmet',
  eyeglass: 'goggle', drywall: 'gypsum wallboard',
  bolt: 'fastener', screw: 'fastener', nut: 'fastener', washer: 'fastener', rivet: 'fastener',
  anchor: 'fastener', pen: 'pen', pencil: 'pencil', marker: 'pen',
  mower: 'lawnmower powered', fridge: 'refrigerator', ballpoint: 'pen', troffer: 'lighting fixture', kibble: 'dog food',
  cheddar: 'cheese', mozzarella: 'cheese', parmesan: 'cheese', loaf: 'bread', sedan: 'automobile',
  cola: 'soft drink', website: 'web page', highlighter: 'felt tip marker', coolant: 'antifreeze',
  bookshelf: 'bookcase', underpad: 'incontinent bed pad', earbud: 'headphone', hairnet: 'hair net',
  refrigerant: 'fluorocarbon gas', ductwork: 'sheet metal duct',
  excavator: 'construction machinery', backhoe: 'construction machinery', bulldozer: 'construction machinery',
  trencher: 'construction machinery',
  antivirus: 'software', copier: 'photocopying machine',
  interpreter: 'interpretation', analysis: 'testing', fedex: 'courier',
  cordless: 'power driven', keyboard: 'computer peripheral', locker: 'partition', alternator: 'internal combustion engine',
  ibuprofen: 'analgesic preparation', acetaminophen: 'analgesic preparation', aspirin: 'analgesic preparation',
  vodka: 'liquor', tequila: 'liquor', rum: 'liquor',
  threadlocker: 'adhesive',
};

/** Whether a written word is an abbreviation ("stl", and letters with digits such as "cat6"). */
export function isAbbreviation(word: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, word);
}

/** The words an abbreviation stands for ("stl" → steel), or the word itself. */
export function expandAbbreviation(word: string): readonly string[] {
  return Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word]!.split(' ') : [word];
}

/** The family words of a stemmed term ("coupling" → fitting), so plurals get them too. */
export function kindOf(term: string): readonly string[] {
  return Object.hasOwn(HYPERNYMS, term) ? HYPERNYMS[term]!.split(' ') : [];
}

/**
 * Trade names of goods NAICS names otherwise, two words written either way round ("Can liner",
 * "LINER CAN", "Stretch wrap"), read as the words of the index entry that names the product
 * ("Trash bags, plastics film", "Packaging film, plastics, single-web or multiweb", "Deicing
 * preparations"), in the line only.
 */
const TRADE_NAMES: Record<string, string> = {
  'trash bag': 'trash bag plastics film',
  'garbage bag': 'trash bag plastics film',
  'can liner': 'trash bag plastics film',
  'stretch wrap': 'packaging film single web',
  'stretch film': 'packaging film single web',
  'shrink wrap': 'packaging film single web',
  'pallet wrap': 'packaging film single web',
  'bubble wrap': 'bubble packaging plastics',
  'ice melt': 'deicing preparation',
  'weed killer': 'herbicide',
  'packing peanut': 'polystyrene foam packaging',
  'painter tape': 'masking tape paper',
  'hand sanitizer': 'antiseptic preparation',
  'packing tape': 'pressure sensitive tape',
  'packaging tape': 'pressure sensitive tape',
  'shipping tape': 'pressure sensitive tape',
  'floor finish': 'floor polish wax',
  'ink cartridge': 'inkjet cartridge',
  'chicken breast': 'chicken poultry',
  'chicken thigh': 'chicken poultry',
  'chicken wing': 'chicken poultry',
  'chicken tender': 'chicken poultry',
  'chicken nugget': 'chicken poultry',
  'chicken fillet': 'chicken poultry',
  'turkey breast': 'turkey poultry',
  'shell egg': 'chicken egg',
  'binder clip': 'paper clip',
  'mop head': 'mop floor',
  'floor stripper': 'wax remover',
  'heating oil': 'fuel oil',
  'custom brokerage': 'customs broker',
  'tax preparation': 'tax return preparation service',
  'oil filter': 'oil filter automotive truck',
  'asphalt mix': 'asphalt paving mixture',
  'projector screen': 'projection screen',
  'gauze pad': 'gauze surgical',
  'gauze sponge': 'gauze surgical',
  'graduated cylinder': 'laboratory glassware',
  'football helmet': 'helmet athletic',
  'line striping': 'traffic lane line painting',
  'pavement striping': 'traffic lane line painting',
  'street sweeping': 'street cleaning service',
  'trash receptacle': 'garbage can',
  'waste receptacle': 'garbage can',
  'dish soap': 'dishwashing detergent',
  'dish machine': 'dishwashing machine',
  'carpet tile': 'carpet',
  'porta potty': 'portable toilet renting',
  'spring water': 'bottled water spring',
  'aid kit': 'aid snake bite burn kit',
  'aid refill': 'aid snake bite burn kit',
  'motor oil': 'motor oil lubricating',
  'alkaline battery': 'alkaline primary battery',
  'aa battery': 'alkaline primary battery',
  'aaa battery': 'alkaline primary battery',
  'exhaust fluid': 'urea',
  'card processing': 'credit card processing service',
  'shuttle van': 'shuttle service',
  'bed sheet': 'sheet pillowcase',
  'fryer oil': 'cooking oil',
  'worker compression': 'worker compensation insurance underwriting', // "Workers comp": comp has expanded
  'lot sweeping': 'lot cleaning power sweeping',
  'glass cleaner': 'window cleaning preparation',
  'bubble mailer': 'padded envelope',
  'caulk gun': 'caulking gun nonpowered',
  'computer bag': 'bag luggage',
  'computer backpack': 'bag luggage',
  'portable restroom': 'portable toilet renting',
  'portable toilet': 'portable toilet renting',
  'security officer': 'security guard service',
  'coin cell': 'primary battery',
  'fire extension': 'fire extinguisher', // "FIRE EXT": EXT has become extension
  'glue stick': 'adhesive',
  'gear oil': 'lubricating oil',
  'serpentine belt': 'rubber belt',
  'impact wrench': 'impact wrench handheld power driven',
  'heat treat': 'heat treating metal',
  'washer fluid': 'washer fluid', // no fastener's washer
  'shipping box': 'box corrugated shipping',
  'moving box': 'box corrugated shipping',
  'ship box': 'box corrugated shipping',
  'carton tape': 'pressure sensitive tape',
  'high bay': 'lighting fixture industrial',
  'post lift': 'automobile lift',
  'ice cube': 'block ice',
  'bagged ice': 'block ice',
  'overnight express': 'express delivery service',
  'ups ground': 'express delivery service',
  'ups shipment': 'express delivery service',
  'ups shipping': 'express delivery service',
  'sod hypo': 'sodium hypochlorite',
  'ethernet switch': 'local area network communication equipment',
  'network switch': 'local area network communication equipment',
  'potable water': 'water supply system',
  'temp agency': 'temporary help service',
  'staffing agency': 'temporary staffing service',
  'water closet': 'toilet vitreous china plumbing fixture',
  'wide flange': 'steel structural shape',
  'bandsaw blade': 'saw blade',
  'flux core': 'welding wire cored',
  'roller chain': 'chain power transmission',
  'jaw coupling': 'coupling mechanical power transmission',
  'shaft coupling': 'coupling mechanical power transmission',
  'hydraulic pump': 'fluid power pump',
  'hydraulic valve': 'fluid power valve',
  'pneumatic valve': 'fluid power valve',
  'liquid nitrogen': 'nitrogen',
  'hot melt': 'adhesive',
  'dry van': 'general freight trucking',
  'ad agency': 'advertising agency',
  'board game': 'game children adult',
  'uniform rental': 'industrial uniform supply service',
  'mat rental': 'dust control textile item supply service',
  'towel rental': 'dust control textile item supply service',
  'express parcel': 'express delivery service',
  'warehouse storage': 'general warehousing storage',
  'warehousing storage': 'general warehousing storage',
  'hotel pan': 'pot pan fabricated metal',
  'oil change': 'oil change lubrication shop automotive',
  'dry cleaning': 'drycleaning service',
  'window washing': 'window cleaning service',
  'temp labor': 'temporary help service',
  'software development': 'computer software development custom',
  'coin battery': 'primary battery',
  'ice cubed': 'block ice',
  'end mill': 'end mill cutting tool',
  'scba cylinder': 'cylinder pressure heavy gauge metal',
  'washer extractor': 'laundry machinery',
  'ammunition can': 'ammunition box light gauge metal', // "AMMO CAN": ammo has expanded
  'local trucking': 'freight trucking local',
  'market research': 'marketing research service',
  'crew cab': 'pick up truck light duty',
  'cargo van': 'van commercial light duty',
  'wheel alignment': 'wheel alignment shop automotive',
  'collision repair': 'automotive body shop',
  'liquid oxygen': 'oxygen',
  'generator set': 'generator set prime mover',
  'steel drum': 'drum light gauge metal',
  'fiber drum': 'fiber drum paperboard',
  'light bar': 'vehicular lighting fixture',
};

const TRADE_NAME_WORDS = new Set(Object.keys(TRADE_NAMES).flatMap((name) => name.split(' ')));

/** NAICS's words for two stemmed words that make a trade name, in either order. */
export function tradeName(first: string, second: string): readonly string[] | undefined {
  if (!TRADE_NAME_WORDS.has(first) || !TRADE_NAME_WORDS.has(second)) return undefined; // most words: no lookup
  const name = TRADE_NAMES[`${first} ${second}`] ?? TRADE_NAMES[`${second} ${first}`];
  return name?.split(' ');
}
