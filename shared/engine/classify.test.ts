import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Classifier } from './classify';
import { loadEngineIndex } from './load-index';
import { STOPWORDS } from './stopwords';
import { forEachPhrase, isWrittenHeadLast, joinCompounds, stem, tokenize, withServiceLabel, withTradeNames, withoutItemNumber, withoutPropertyCompounds } from './text';

const index = loadEngineIndex();
const vocabularyOnly = new Classifier(index, {});
const withoutPhrases = new Classifier({ ...index, phrases: '', compounds: '' }, {});
const withoutCompounds = new Classifier({ ...index, compounds: '' });
const shipped = new Classifier(index);
const top = (c: Classifier, text: string) => {
  const out = c.classify(text);
  return [out.best, ...out.alternatives].map((x) => x?.naics);
};

// General lines written for this test, not taken from the development file (the examples
// excepted: 'COUPLING PVC SCHED 40 1/2 IN' and the trousers are quoted there).
describe('classifier', () => {
  it('reads terse catalogue text: sizes and part numbers vanish, abbreviations expand, plurals fold', () => {
    expect(tokenize('COUPLING PVC SCHED 40 1/2 IN').map((t) => t.term)).toEqual(['coupling', 'fitting', 'polyvinyl', 'chloride', 'plastic', 'schedule']);
    expect(tokenize('TROUSERS TACTICAL 65/35 POLY RAYON MENS 34X29').map((t) => t.term)).toContain('rayon');
    expect(tokenize('TEES BRASS 1 IN').map((t) => t.term)).toContain('fitting');
    expect(stem('batteries')).toBe('battery');
    expect(stem('couplings')).toBe('coupling');
    expect(stem('boxes')).toBe('box');
    expect(stem('keys')).toBe('key');
    expect(stem('attorneys')).toBe('attorney');
    expect(stem('glass')).toBe('glass');
    // A singular and its plural meet, however English writes the plural.
    const pairs = [['valve', 'valves'], ['adhesive', 'adhesives'], ['knife', 'knives'], ['shelf', 'shelves'], ['gas', 'gases'], ['lens', 'lenses'], ['bus', 'buses'], ['potato', 'potatoes'], ['gauze', 'gauzes']] as const;
    for (const [singular, plural] of pairs) expect(stem(plural), plural).toBe(stem(singular));
    expect(stem('abuses')).toBe('abuse');
    // Stopwords are compared after stemming: one the stemmer changes could never match.
    expect([...STOPWORDS].filter((word) => stem(word) !== word && !STOPWORDS.has(stem(word)))).toEqual([]);
  });

  it('classifies general procurement lines to the expected industries', () => {
    expect(vocabularyOnly.classify('laptop computer').best?.naics).toBe('334111');
    expect(vocabularyOnly.classify('Microcomputers, Handheld, Laptop, and Notebook').best?.naics).toBe('334111');
    expect(top(vocabularyOnly, 'COUPLING PVC SCHED 40 1/2 IN')).toContain('326122');
    expect(shipped.classify('COUPLING PVC SCHED 40 1/2 IN').best?.naics.slice(0, 3)).toBe('326');
    expect(vocabularyOnly.classify('TROUSERS TACTICAL 65/35 POLY RAYON MENS 34X29').best?.naics.slice(0, 3)).toBe('315');
    expect(vocabularyOnly.classify('diesel fuel').best?.naics).toBe('324110');
    expect(vocabularyOnly.classify('copy paper 8.5x11').best?.naics.slice(0, 4)).toBe('3221');
    // NAICS names the product gypsum wallboard, and "drywall" only for its contractors.
    expect(shipped.classify('Drywall sheets').best?.naics).toBe('327420');
  });

  it('reads everyday spend by what it supplies, and a good that shares the word as the good', () => {
    const best = (text: string) => vocabularyOnly.classify(text).best?.naics;
    expect(best('Monthly water bill')).toBe('221310');
    expect(best('Shop rent for March')).toBe('531120');
    expect(best('Plane ticket to Denver')).toBe('481111');
    expect(best('Weekly garbage pickup')).toBe('562111');
    expect(best('Hazardous waste pickup, spent solvent drums')).not.toBe('562111'); // no garbage collection
    expect(best('Monthly bank account fee')).toBe('522110');
    expect(best('Electric bill')).toBe('221122');
    expect(best('Mobile phone bill')).toBe('517312');
    expect(best('Landline phone service')).toBe('517311');
    expect(best('Office internet service')).toBe('517311');
    expect(best('Business broadband internet')).toBe('517311');
    expect(best('NAT GAS SVC ACCT 55-2201 412 THERMS')).toBe('221210'); // not gas extraction
    expect(best('WASTEWATER TREATMENT CHARGE, INDUSTRIAL DISCHARGE')).toBe('221320');
    expect(best('District steam service for city hall, January billing')).toBe('221330');
    // A trade's worker is hired for the trade's work.
    expect(best('Electrician service call')).toBe('238210'); // not telephone answering
    expect(best('Roofer to patch membrane over loading dock')).toBe('238160');
    // Internet ending the item's phrase is the service on its own; a speed is a unit.
    expect(shipped.classify('Business fiber internet 500 Mbps, monthly recurring charge').best?.naics).toBe('517311');
    expect(shipped.classify('Internet radio').best?.naics).not.toBe('517311');
    expect(best('Company cell phone plan')).toBe('517312');
    expect(best('Gasoline fleet card purchases')).toBe('324110');
    expect(best('Water meter')).not.toBe('221310');
    expect(best('Power supply 12V')?.slice(0, 4)).not.toBe('2211');
    expect(best('Garbage truck body')).toBe('336211');
    expect(best('Trash bags 33 gal')).not.toBe('562111');
    expect(best('Office chair rental')).not.toBe('531120');
    expect(best('Power tool battery charge')?.slice(0, 4)).not.toBe('2211');
    expect(best('Fuel pump replacement for delivery van')).not.toBe('324110');
  });

  it('matches a singular against the plural NAICS writes ("Attorneys\' offices")', () => {
    expect(top(shipped, 'Attorney fees')[0]).toBe('541110');
  });

  it('keeps a word NAICS writes that is also a buyer\'s abbreviation ("PEST" for pesticide)', () => {
    expect(tokenize('Quarterly pest control treatment').map((t) => t.term)).toContain('pest');
    expect(top(shipped, 'Quarterly pest control treatment, office')[0]).toBe('561710');
    expect(tokenize('BATTERY COIN CELL').map((t) => t.term)).toContain('cell');
  });

  it('reads expense lines as the service they buy, whatever qualifies the bill', () => {
    const services: [line: string, naics: string][] = [
      ['Water bill payment for office', '221310'],
      ['Flight ticket change fee', '481111'],
      ['Gasoline fill-up', '324110'],
      // After the bill itself, words qualify the bill: a place, a unit, an account.
      ['Gas bill Main Street store', '221210'],
      ['Office rent Suite 200', '531120'],
      ['Electric bill North warehouse', '221122'],
      // A fuel on its own is the fuel.
      ['Diesel for fleet trucks', '324110'],
      ['Unleaded gasoline 87', '324110'],
      ['Postage stamps', '491110'],
      ['Certified mail fee', '491110'],
      ['Air cargo shipment', '481112'],
      ['Ocean freight FCL Shanghai', '483111'],
      ['Tow for broken-down van', '488410'],
      ['Parking fees', '812930'],
      ['Toll charges', '488490'],
      ['Uber rides', '485310'],
      ['Recycling pickup', '562111'],
      ['Conference registration fee', '561920'],
      ['Team lunch', '722511'],
      ['Client dinner', '722511'],
      ['Catering for team lunch', '722320'],
      ['Flight to Denver for training', '481111'],
      ['Movers for the office move', '484210'],
      ['Rug shampooing, conference room', '561740'],
      ['Billboard space on Route 9, March', '541850'],
      ['French lessons for the sales team', '611630'],
      ['Drug screen, new hire', '621999'],
      ['Kerosene for the shop heaters', '324110'],
      ['Bus fare to Portland', '485210'],
      ['Gym membership, March', '713940'],
      ['Recruiting fee, engineer hire', '561311'],
    ];
    for (const [line, naics] of services) expect(vocabularyOnly.classify(line).best?.naics, line).toBe(naics);
  });

  it('reads a good named with a service word as the good', () => {
    const goods: [line: string, notNaics: string][] = [
      ['Water usage meter', '221310'],
      ['Air ride seat', '481111'],
      ['Mobile data terminal', '517312'],
      ['Electric charge controller', '221122'],
      ['Internet connection cable', '517311'],
      ['Diesel engine', '324110'],
      ['LOADER, COMPACT, DIESEL', '324110'],
      ['Rubber stamp', '491110'],
      ['Air compressor', '481112'],
      ['Sea container 40 ft', '483111'],
      ['Lunch box', '722511'],
      ['Breakfast cereal', '722511'],
      ['Flight simulator software', '481111'],
      ['Carpet shampoo, 1 gal', '561740'],
      ['Drug test kits, 25 pack', '621999'],
    ];
    for (const [line, notNaics] of goods) expect(vocabularyOnly.classify(line).best?.naics, line).not.toBe(notNaics);
    expect(vocabularyOnly.classify('Water usage meter').best?.naics).toBe('334514');
  });

  it('reads a line whose item part ends on a service as the service, and goods as goods', () => {
    const services: [line: string, naics: string][] = [
      ['Oil change service', '811191'],
      ['Portable toilet rental', '562991'],
      ['Elevator inspection', '541350'],
      // …from an industry that sells it: not a school's "Computer repair training", not the
      // warehouse that "Forklift" reads as, nor the computers the development file taught.
      ['Computer repair', '811212'],
      ['Forklift rental', '532490'],
      ['Laptop screen repair', '811212'],
      // Contractors sell work: for a service line they are not lowered as for goods.
      ['Plumbing repair', '238220'],
      ['Roof repair', '238160'],
      ['Window washing', '561720'],
      ['Interior wall painting', '238320'],
      ['Document translation', '541930'],
      // The item phrase ends before a preposition; a service word may stand before a word of the engagement.
      ['Oil change service for the delivery van', '811191'],
      ['Computer repair call', '811212'],
      ['Plumbing repair labor', '238220'],
      // Labor is the trades' work or temporary help, not a labor union.
      ['Plumbing labor, 4 hrs', '238220'],
      ['Steel erection labor', '238990'],
      ['Surgical instrument repair', '811219'],
      ['Disposal of used solvent drums', '562212'],
      // Grounds, lots and locks: the work a verb or noun names is sold by those who do it.
      ['Weekly mowing and string trimming of varsity and practice fields', '561730'], // not mowing machinery
      ['Hedge trimming', '561730'],
      ['Plow and clear staff parking lots after snowfall', '561790'], // not the parking lot
      ['Paper shredding, monthly', '561990'], // not paper mills
      // An activity after the service word ("… inspection and tagging") is that service's.
      ['Annual fire extinguisher inspection and tagging', '541990'], // not the extinguishers
      ['Rekey 40 classroom locksets to new master key system', '561622'],
      // Transport is bought from carriers, or from an ambulance service: not the vehicles' makers.
      ['non-emergency ambulance transport from the jail infirmary to the hospital', '621910'],
      ['Contracted home-to-school transportation, route 14, October', '485410'],
    ];
    for (const [line, naics] of services) expect(shipped.classify(line).best?.naics, line).toBe(naics);
    // A purchase order's label before a colon or dash says the line buys work; the item follows it.
    expect(top(shipped, 'LABOR: PLUMBING REPAIR, 4 HRS')[0]).toBe('238220');
    expect(top(shipped, 'RENTAL: EXCAVATOR, MINI')[0]).toBe('532412');
    expect(top(shipped, 'LABOR: HVAC REPAIR')).not.toContain('813930'); // not labor unions
    expect(top(shipped, 'LABOR: HVAC REPAIR').slice(0, 3)).toContain('238220'); // read as "HVAC repair"
    // A service label run into the capitals after it is a label all the same.
    expect(shipped.classify('SVC ROOF REPAIR MODIFIED BITUMEN LEAK').best?.naics).toBe('238160');
    expect(shipped.classify('SVC ELECTRICAL CONTRACTOR INSTALL EV CHARGERS').best?.naics).toBe('238210');
    expect(withServiceLabel('SERVICE CART, 3 SHELF')).toBe('SERVICE CART, 3 SHELF'); // a cart, not a label
    // So does a heading's first part that only names a class: the part after it names the item.
    expect(top(shipped, 'PARTS AND ACCESSORIES, BATTERY')[0]).toBe('335911');
    expect(top(shipped, 'Parts and Accessories, Forklift')[0]).toBe('333924');
    // A line that names no service is not offered the repair shop among its alternatives.
    expect(top(shipped, 'Surgical instruments')).not.toContain('811219');
    expect(shipped.classify('Floor cleaning machine').best?.naics.slice(0, 2)).toBe('33');
    expect(shipped.classify('Training shoes').best?.naics).toBe('316210');
  });

  it('reads a request, an amount of an item, a ledger category and a work order by the item they name', () => {
    const lines: [line: string, naics: string][] = [
      // A request's framing is no word of the item ("can we …" is no can).
      ['i need a hotel room near the plant for two nights', '721110'],
      ['we need two porta-potties for the ribbon cutting', '562991'],
      // An amount "of" an item is the item: not the keg, the bags, the cases.
      ['a keg of beer for the retirement party', '312120'],
      ['please order two cases of bottled water', '312112'],
      // A ledger's category in capitals before a dash is read after the item it files…
      ['HARDWARE - 16 ft tape measure', '332216'],
      ['JANITORIAL - can liners 40x46', '326111'],
      // …but a line whose first part is its commodity in capitals keeps it first.
      ['BATTERIES: AA alkaline, 24 pack', '335912'],
      // A work order's verb is the service it buys, done to the item; two verbs are an order in
      // capitals too, and a service "of" an item or a rental leading the line is the item's service.
      ['Replace brake pads on van 7', '811118'],
      ['Mow and edge the front lawn', '561730'],
      ['Haul away old office furniture', '484210'],
      ['SUPPLY AND INSTALL 2 TON SPLIT AC UNIT', '238220'], // not split leather
      ['REMOVE AND REPLACE WATER HEATER 50 GAL', '238220'],
      ['Maintenance of elevators - monthly', '238290'],
      ['RENTAL EXCAVATOR 20 TON W/O OPERATOR', '532412'],
      // An excavator is construction machinery, and its rental construction equipment rental.
      ['Excavator rental, 1 week', '532412'],
      ['Mini excavator, 5 ton', '333120'],
      // Any preposition ends the item's phrase: the gym is where the roof is.
      ['Roof leak repair over the gym', '238160'],
      ['Hotel room near the convention center, 3 nights', '721110'],
      // A one-word heading's qualifier makes a trade name with it ("EGGS, SHELL"), and a phrase, in
      // the line and in the index entries NAICS writes inverted ("Cups, paper").
      ['EGGS, SHELL, MEDIUM, 15 DZ', '112310'],
      ['Chicken, Breast, Boneless Skinless', '311615'],
      ['Paper cups for the coffee station', '322219'],
      ['First aid kit, 25 person', '339113'], // not first-aid instruction
      // Work written as a noun after the item is the service NAICS names by its own word.
      ['TRANSMISSION OVERHAUL UNIT 412 LS', '811113'],
      ['Motor rewind, 75 hp pump', '811310'],
      ['Chain link fence install, 200 ft', '238990'],
      ['Piano tuning, choir room', '811490'],
      ['Sewer main jetting', '562998'],
    ];
    for (const [line, naics] of lines) expect(shipped.classify(line).best?.naics, line).toBe(naics);
    expect(shipped.classify('Repair Kit, Faucet').best?.naics.slice(0, 2)).toBe('33'); // a noun, not an order
    expect(tokenize('Walk-in cooler repair').map((t) => t.clause)).toEqual([0, 0, 0]); // a hyphen's "in" starts no phrase
    // An item number opening a distributor's line is no word of the item.
    expect(withoutItemNumber('TB-4432-10 BAG, TRASH, 33 GAL')).toBe('BAG, TRASH, 33 GAL');
    expect(withoutItemNumber('HC12-PL CUP, HOT, PAPER')).toBe('CUP, HOT, PAPER');
    expect(withoutItemNumber('X-RAY FILM, 14 X 17')).toBe('X-RAY FILM, 14 X 17');
    expect(withoutItemNumber('3-RING BINDER, 2 IN')).toBe('3-RING BINDER, 2 IN');
  });

  it('reads mined and quarried goods as the mine\'s, and a service as no mine\'s', () => {
    expect(shipped.classify('Rock salt, bulk, per ton').best?.naics).toBe('212393'); // not table salt
    expect(shipped.classify('Winter salt contract, bulk rock salt delivered, per ton').best?.naics).toBe('212393');
    expect(shipped.classify('Secure shredding service - on-site, 12 consoles, monthly').best?.naics).toBe('561990');
  });

  it('reads goods as goods, not the machinery that makes them', () => {
    expect(shipped.classify('Envelopes #10, 500/box').best?.naics).toBe('322230'); // not envelope making machinery
    expect(shipped.classify('TARP POLY 10X12 BLUE').best?.naics).toBe('314910');
  });

  it('names the best reading when the factor-aware pick would hardly move the factor, or leave its part of the economy for an unlikely code', () => {
    // Plate work's factor is within 10% of footwear's: the boots keep their name.
    expect(shipped.classify('Work boots, steel toe, size 10').best?.naics).toBe('316210');
    // Workers' camps sit between the factors of two insurance readings, but are far less likely.
    expect(shipped.classify("Workers' compensation insurance premium, monthly installment").best?.naics.slice(0, 2)).toBe('52');
  });

  it('proposes no government code, with confidences in [0, 1] that never sum above 1', () => {
    for (const text of ['laptop computer', 'police protection', 'hydroelectric power', 'x']) {
      const out = shipped.classify(text);
      const all = [out.best, ...out.alternatives].filter((c) => c !== null);
      for (const c of all) expect(c.naics.slice(0, 2)).not.toBe('92');
      expect(all.reduce((s, c) => s + c.confidence, 0)).toBeLessThanOrEqual(1.0001);
      expect(out.alternatives.length).toBeLessThanOrEqual(3);
    }
  });

  it('keeps a line that reads as an unpriced code (power generation) rather than price a neighbour', () => {
    const out = shipped.classify('solar power purchase agreement');
    expect(out.best).toMatchObject({ naics: '221114', factorKgPerUsd: null });
  });

  it('keeps a unit word that names the product, and drops it after a number', () => {
    expect(tokenize('Meters, Gas').map((t) => t.term)).toEqual(['meter', 'gas']);
    expect(tokenize('HOSE GARDEN 50 FT 3 METER').map((t) => t.term)).toEqual(['hose', 'garden']);
    expect(vocabularyOnly.classify('Meters, Gas').best?.naics).toBe('334514');
    // A count of pieces is not a computer, nor two nights a night.
    expect(tokenize('SOCKET SET 40 PC').map((t) => t.term)).toEqual(['socket', 'hand', 'tool']);
    expect(tokenize('PC MONITOR').map((t) => t.term)).toEqual(['computer', 'monitor']);
    expect(tokenize('Hotel stay 2 nights').map((t) => t.term)).toEqual(['hotel', 'stay']);
    expect(tokenize('UNIFORM RENTAL WKLY, 6 HRS, 1 WK, OR EQUIV').map((t) => t.term)).toEqual(['uniform', 'rental']);
    expect(tokenize('HR CONSULTING').map((t) => t.term)).toEqual(['hr', 'consulting']);
    // "Delivery" is not order-form boilerplate: the courier, the pizza place.
    expect(top(shipped, 'Pizza delivery for staff')[0]).toBe('722513');
  });

  it('reads materials as modifiers: the item decides, a contradicting material lowers a code, a matching one raises it', () => {
    expect(vocabularyOnly.classify('BOOTS, STEEL TOE, SIZE 11').best?.naics.slice(0, 3)).toBe('316');
    expect(vocabularyOnly.classify('BUSHING BRASS 3/4 IN').best?.naics.slice(0, 3)).not.toBe('326');
    expect(vocabularyOnly.classify('copy paper 8.5x11').best?.naics.slice(0, 3)).toBe('322');
    // A material followed by another word of its phrase qualifies it, first or not.
    expect(shipped.classify('Steel filing cabinet').best?.naics.slice(0, 4)).toBe('3372');
    expect(shipped.classify('STEEL, SHEET').best?.naics.slice(0, 3)).toBe('331');
    expect(shipped.classify('Stainless steel bolts M8').best?.naics).toBe('332722');
    expect(shipped.classify('Steel shelving unit').best?.naics).toBe('337215');
    // A shape a mill makes of the material is the material's product.
    expect(shipped.classify('Copper wire 12 AWG').best?.naics).toBe('331420');
    expect(shipped.classify('Aluminum sheet 4x8').best?.naics).toBe('331315');
    // …and when the shape comes first, as catalogue capitals write it.
    expect(shipped.classify('TUBING CU 1/2 IN X 20 FT').best?.naics).toBe('331420');
    expect(shipped.classify('Wooden desk').best?.naics.slice(0, 3)).toBe('337');
    // So does an adjective of a property before its noun.
    expect(shipped.classify('Wireless mouse').best?.naics).toBe('334118');
    expect(shipped.classify('Portable generator').best?.naics).toBe('335312');
    // …and a grade: a heavy-duty stapler is no heavy-duty truck.
    expect(shipped.classify('HEAVY DUTY STAPLER, 100 SHEET').best?.naics).toBe('339940');
    expect(shipped.classify('Heavy duty truck, class 8').best?.naics).toBe('336120');
    // So does the light an item gives: an LED lamp or exit sign is no semiconductor, an LED is.
    expect(shipped.classify('LED flashlight').best?.naics).toBe('335129');
    expect(shipped.classify('LED exit sign').best?.naics).toBe('339950');
    expect(shipped.classify('LED').best?.naics).toBe('334413');
    // A furniture code whose title names its material contradicts another ("Wood Office Furniture").
    expect(shipped.classify('Filing cabinet, lateral, steel, 3 drawer').best?.naics).toBe('337214');
    expect(shipped.classify('Wood office desk, 60 in').best?.naics).toBe('337211');
    // A maker of goods of the material the line names, over codes of no material.
    expect(shipped.classify('FILTER COFFEE 12 CUP PAPER 1000/CS').best?.naics).toBe('322299'); // not air filters
    expect(shipped.classify('Mat, anti-fatigue, rubber, 3 x 5 ft').best?.naics).toBe('326299'); // not a mat service
    // …but not the tannery or the paper mill, which make the material itself.
    expect(shipped.classify('Leather work gloves, large').best?.naics).toBe('315990');
    expect(shipped.classify('Paper cups, hot, 12 oz').best?.naics).toBe('322219');
    // Melamine is a plastic: a melamine plate is no metal plate work.
    expect(shipped.classify('Plate, melamine, 9 in, white, 4 dozen').best?.naics.slice(0, 3)).toBe('326');
    // A fibre qualifies the item too: a nylon flag is a flag, not nylon yarn.
    expect(shipped.classify('Flag, U.S., nylon, 3 x 5 ft').best?.naics).toBe('314999');
    expect(shipped.classify('NYLON LAUNDRY BAG 24X36').best?.naics).toBe('314910');
    expect(shipped.classify('Polyester yarn, 150 denier').best?.naics).toBe('313110');
  });

  it('reads no item in a hyphenated adjective of what the item withstands, lacks or runs on', () => {
    expect(withoutPropertyCompounds('Tamper-Resistant Duplex Outlet, Powder-free')).toBe('  Duplex Outlet,  ');
    expect(withoutPropertyCompounds('Coin-operated washer, water-based paint')).toBe('Coin-operated washer, water-based paint');
    expect(shipped.classify('Tamper-Resistant Duplex Outlet, 15 A').best?.naics).toBe('335931');
    expect(shipped.classify('Explosion-proof motor 5 HP').best?.naics).toBe('335312');
    expect(shipped.classify('Battery-Powered Smoke Alarm').best?.naics).not.toBe('335911');
  });

  it('expands trade abbreviations and names the family of items NAICS calls otherwise', () => {
    expect(shipped.classify('HMA SURFACE COURSE').best?.naics).toBe('324121');
    expect(shipped.classify('GAC REPLACEMENT MEDIA').best?.naics).toBe('325998');
    expect(tokenize('ASPHALTIC CONCRETE').map((t) => t.term)).toEqual(['asphalt', 'concrete']);
    // Trade names NAICS names otherwise, either way round: the index entry's words stand in for them.
    expect(withTradeNames(tokenize('LINER CAN 40X46')).map((t) => t.term)).toEqual(['trash', 'bag', 'plastic', 'film']);
    expect(shipped.classify('CAN LINER 56 GAL 200/CS').best?.naics).toBe('326111');
    expect(shipped.classify('Pallet wrap, 20 in x 5000 ft').best?.naics).toBe('326112');
    expect(shipped.classify('Ice melt, 50 lb').best?.naics).toBe('325998');
    expect(shipped.classify('Weed killer, concentrate').best?.naics).toBe('325320');
    expect(shipped.classify('Shipping tape, 2 in').best?.naics).toBe('322220'); // not tape measures
    expect(shipped.classify('Chicken breast, boneless, 40 lb case').best?.naics).toBe('311615'); // not chicken feeders
    expect(shipped.classify('Heating oil, 500 gal delivered').best?.naics).toBe('324110'); // not oil heaters
    expect(shipped.classify('Cola, 12 oz cans').best?.naics).toBe('312111'); // not the cans
    expect(shipped.classify('SSD 1TB NVME').best?.naics).toBe('334112'); // not storage batteries
    expect(shipped.classify('Mop heads, cotton, 24 oz').best?.naics).toBe('339994');
    expect(shipped.classify('Tax preparation, 2025 return').best?.naics).toBe('541213'); // not pharmaceuticals
    expect(shipped.classify('Oil filter, spin-on, 12/cs').best?.naics).toBe('336390'); // not air filters
    expect(shipped.classify('Dish soap, 1 gal').best?.naics).toBe('325611'); // not dishes
    expect(shipped.classify('Asphalt mix, surface course, 40 tons').best?.naics).toBe('324121'); // not shingles
    expect(shipped.classify('Street sweeping, downtown routes').best?.naics).toBe('488490'); // not street lights
    expect(shipped.classify('Gauze pads 4x4, sterile').best?.naics).toBe('339113'); // not fiber boxes' pads
    expect(shipped.classify('Chromebook, 11.6 in').best?.naics).toBe('334111');
    expect(shipped.classify('Cat6 patch cable, 7 ft').best?.naics).toBe('335929'); // not cat food
    expect(shipped.classify('Projector screen, 100 in').best?.naics).toBe('333316'); // not screen printing
    expect(shipped.classify('Dish machine detergent, 5 gal').best?.naics).toBe('325611'); // not machine tools
    expect(shipped.classify('Refrigerant R-410A, 25 lb').best?.naics).toBe('325120'); // the gas, not the equipment
    expect(shipped.classify('SEDAN 4DR POLICE PKG').best?.naics).toBe('336111');
    expect(shipped.classify('Mozzarella, shredded, 5 lb').best?.naics).toBe('311513');
    expect(shipped.classify('Troffer 2x2 LED').best?.naics).toBe('335122');
    expect(shipped.classify('AA batteries, alkaline, 24 pack').best?.naics).toBe('335912'); // not storage batteries
    expect(shipped.classify('Motor oil 5W-30, 6 quarts').best?.naics).toBe('324191'); // petroleum unless the line says otherwise
    expect(shipped.classify('Full synthetic motor oil 0W-20').best?.naics).toBe('325998');
    expect(shipped.classify('Diesel exhaust fluid 2.5 gal').best?.naics).toBe('325311'); // urea, not engines
    expect(shipped.classify('Glass cleaner spray, 32 oz').best?.naics).toBe('325612'); // not glassware
    expect(shipped.classify('Bubble mailers, 6x10, 25 pack').best?.naics).toBe('322230'); // not bubble bath
    expect(shipped.classify('Caulk gun').best?.naics).toBe('332216'); // not small arms
    expect(shipped.classify('Laptop bag, 15.6 in').best?.naics).toBe('316998'); // luggage, not the laptop
    expect(shipped.classify('iPad 10th generation').best?.naics).toBe('334111');
    expect(shipped.classify('MIG welder, 200 amp').best?.naics).toBe('333992'); // not welders' leather aprons
    expect(shipped.classify('Vodka, 1.75 L').best?.naics).toBe('312140');
    expect(shipped.classify('Workers comp insurance premium').best?.naics).toBe('524126'); // not workers' camps
    expect(shipped.classify('Parking lot sweeping').best?.naics).toBe('561790'); // not the parking lot
    expect(shipped.classify('Card processing fees - March').best?.naics).toBe('522320');
    expect(shipped.classify('Shuttle van to the offsite').best?.naics).toBe('485999');
    expect(shipped.classify('Annual SaaS subscription - CRM').best?.naics).toBe('511210'); // not cable programming
    expect(shipped.classify('Virtual server hosting, monthly').best?.naics).toBe('518210'); // hosting is a service
    expect(shipped.classify('Copier, multifunction, 45 ppm').best?.naics).toBe('333316');
    expect(shipped.classify('Bed sheets, queen, white').best?.naics).toBe('314120'); // not sheet metal
    expect(shipped.classify('Fryer oil, 35 lb').best?.naics).toBe('311225'); // cooking oil, not essential oils
    // A lease of a named good is that good's leasing, not a building's ("Copier lease payment").
    expect(shipped.classify('Copier lease payment').best?.naics).toBe('532420');
    // "IT" in capitals is computers, not the pronoun a stopword drops.
    expect(shipped.classify('Managed IT services, monthly').best?.naics).toBe('541512');
    // A family word stands where its word is written, and heads the phrase that word ends: the
    // shelter is what the kibble is formulated for.
    expect(shipped.classify('Shelter Formula Kibble, 30 lb').best?.naics).toBe('311111');
  });

  it('reads the shorthand, trade names and family words of clinics, labs, supply houses, utilities, offices and shops', () => {
    const lines: [line: string, naics: string][] = [
      // Family words: a mower is a powered one, a cordless tool power-driven, an alternator the
      // engine's, a keyboard a computer's, a locker a partition maker's.
      ['Mowers, Riding, Zero-Turn, 60 In Deck, Commercial', '333112'], // not "Lawnmowers, nonpowered"
      ['20V Cordless Brushless Hammer Drill Kit, 1/2 in Ratcheting Chuck', '333991'],
      ['Cordless phone, DECT', '334210'], // still a phone
      ['Alternators, 12V, 160A, New, Medium Duty Truck', '336320'], // not the testers that name it first
      ['Alternator tester', '334515'],
      ['Keyboard, wireless, full-size', '334118'], // not a piano's
      ['LOCKER STEEL 2-TIER 3-WIDE', '337215'], // not refrigerated lockers
      ['IBUPROFEN TAB 200MG 500/BT', '325412'],
      // "PM" is preventive maintenance.
      ['Forklift PM service - 250 hr inspection', '811310'], // not warehousing
      ['TRACTION ELEVATOR PM AGREEMENT - QTRLY, 2 CARS', '238290'],
      // Trade names, as the index entry names the thing.
      ['Portable restroom rental for the cross-country meet', '562991'],
      ['Portable toilets, 2 units, weekly service', '562991'], // not plastics toilets
      ['WAREHOUSE LABORER VIA TEMP AGENCY - 40 HRS/WK', '561320'],
      ['WATER CLOSET FLR MT ELONGATED 1.1 GPF', '327110'], // not water
      ['UNARMED SECURITY OFFICER - PARKING GARAGE POST, HRLY', '561612'], // not securities
      ['SOD HYPO 15% LIQUID TOTE 275 GAL', '325180'], // sodium hypochlorite, not sod
      ['SWITCH ETHERNET 24PT 10G SFP+ L3 STACKABLE', '334210'], // not wiring switches
      ['Battery, lithium coin cell, CR2032, 3V, 10 pack', '335912'],
      ['ICE CUBE 20LB BAG', '312113'], // ice, not ice cream
      ['Ice cream, vanilla, 3 gal', '311520'],
      ['WATER SPRING 16.9OZ 24PK', '312112'], // bottled water, not springs
      ['Glue stick, washable, 0.77 oz', '325520'],
      ['Shipping boxes, 12x12x12', '322211'], // not wood containers
      ['Moving boxes, medium', '322211'], // not moving stairways
      ['RSC BOX 24X18X12 275# DW KRAFT', '322211'], // a regular slotted container, not a wood box
      ['TAPE CARTON SEALING 2IN X 110YD CLR', '322220'],
      ['LED HIGH BAY 150W 5000K SHOP CEILING', '335122'],
      ['Lift, two-post asymmetric, 10,000 lb capacity', '333921'], // an automobile lift
      ['First aid refill kit', '339113'], // not first-aid instruction
      ['FIRE EXT ABC 10LB', '339999'], // an extinguisher, not an extension
      ['IMPACT WRENCH 1/2DR PNEU 1000FT-LB', '333991'], // not hand wrenches
      ['WRENCH IMPACT PNEU 1IN DR 2000FT-LB', '333991'], // either way round, past the wrench's family words
      ['SERPENTINE BELT 6PK2155 EPDM', '326220'], // not serpentine stone
      ['Mineral gear oil 80W-90 GL-5', '324191'],
      ['HEAT TREAT HARDEN & TEMPER 4140', '332811'],
      ['TRASH HAUL JOBSITE PACKAGING WASTE 20YD', '562111'],
      ['Beam, wide flange, A992, W8 x 31', '331110'], // a steel mill's, not a sawmill's beams
      ['FLUX CORE WIRE E71T-1C .045 33LB SPOOL', '333992'],
      ['Chain, roller, ANSI 60, riveted', '333613'],
      ['Pump, hydraulic gear, 1.5 cu in/rev', '333996'],
      ['Bulk liquid nitrogen delivered into the plant tank', '325120'],
      ['FTL DRY VAN 53FT CHICAGO IL - DALLAS TX', '484121'], // not dry pasta
      ['Outside warehouse storage for finished goods pallets', '493110'],
      // A service word after the item and before a number ends the item's phrase.
      ['FORKLIFT RENTAL 5000LB LP 1 MONTH', '532490'],
      ['Ad agency monthly retainer', '541810'],
      ['DJ for the holiday party', '711510'],
      ['Board games for the team-building offsite', '339930'], // not their wholesalers
      ['UNIFORM RENTAL WKLY 14 TECHS SHIRTS/PANTS', '812332'], // industrial uniform supply, not the shirts
      ['Shop towel rental with weekly exchange, 100 count', '812332'],
      // Couriers by name and by what they sell; a UPS that backs up power is no courier.
      ['FEDEX PRIORITY OVERNIGHT TRK 7781 4402 1193', '492110'],
      ['UPS ground shipment of signed contracts', '492110'],
      ['Overnight express shipment of a replacement control board', '492110'],
      // Shorthand of clinics and labs, supply houses, utilities, offices and plants.
      ['NDL HYPO 25G X 5/8 STER 100/BX', '339112'],
      ['ETOH 200 PROOF 500ML', '325193'],
      ['ASL interpreter for parent-teacher conference', '541930'],
      ['HARDHAT TYPE II CLASS E CAP STYLE', '339113'], // not caps
      ['REFRIG HFC-134A 30 LB DISPOSABLE CYL', '325120'],
      ['DIESEL ULSD NO 2 BULK TANK WAGON', '324110'], // not diesel engines
      ['UNIT HTR GAS 60MBH PWR VENT', '333414'], // not gas
      ['BATT ALK AA 1.5V 24PK', '335912'],
      ['GENSET DSL 500KW 480V 3PH STANDBY', '335312'],
      ['ENGRG CONSULTING ARC FLASH STUDY', '541330'],
      ['MAYO XHVY DUTY 4/1GAL', '311941'],
      ['GEN LIAB/PROPERTY PREM RENEWAL POL BOP-22871', '524126'],
      ['CSTG GRAY IRON CL30 PUMP HSG P/N 22-104 RAW', '331511'],
      ['ENDMILL 1/2 4FL CARB TIALN', '333515'],
      // Shorthand that means two things is left as written: an IPA is also a beer, HCl after a
      // drug's name a hydrochloride.
      ['IPA craft beer, 1/2 bbl keg', '312120'],
      ['Diphenhydramine HCl 25 mg capsules', '325412'],
      // An analysis of samples is a testing laboratory's, a medical one's only when the words are its.
      ['Soil analysis, 4 samples', '541380'],
      ['LAB ANALYSIS STORMWATER SAMPLES TSS OIL 4 EA', '541380'],
      ['Blood analysis panel for a patient', '621511'],
      // A rating is no class a school teaches, and "high" qualifies what follows it.
      ['Hi-vis vest, class 2', '339113'], // not high schools
    ];
    for (const [line, naics] of lines) expect(shipped.classify(line).best?.naics, line).toBe(naics);
    expect(shipped.classify('UPS battery backup 1500VA').best?.naics).not.toBe('492110');
    expect(shipped.classify('Yoga class for staff').best?.naics.slice(0, 3)).toBe('611');
    expect(tokenize('Delivery by 2 PM').map((t) => t.term)).toEqual(['delivery']); // a time
    expect(tokenize('Class 52 ductile iron pipe').map((t) => t.term)).not.toContain('class');
    expect(tokenize('Truck tires, load range E').map((t) => t.term)).not.toContain('range'); // no cooking range
  });

  it('reads the shorthand and trade names of schools, public safety, electronics makers and stores', () => {
    const lines: [line: string, naics: string][] = [
      ['AMMO .40 S&W 165GR FMJ 50/BX', '332992'], // small arms', not artillery's
      ['CANINE UNIT K9 KIBBLE 30LB', '311111'],
      ['MULTIVIT CHEWABLE KIDS 120CT', '325412'],
      ['PCB BARE 6L FR4 ENIG', '334412'],
      ['PCBA BOX BUILD REV D', '334418'],
      ['WATER BTLD 1L 12PK', '312112'], // not water supply
      ['OCEAN FRT 40HC SHANGHAI-OAKLAND', '483111'],
      ['Swim lessons, beginner, 8 weeks', '611620'],
      ['LIGHTBAR LED 60IN AMBER', '336320'],
      ['Threadlocker, red, high strength, 10 ml', '325520'],
      // Trade names, as the index entry names the thing.
      ['PAN HOTEL HALF SIZE 6IN DEEP SS', '332215'], // not hotels
      ['OIL CHANGE SYNTHETIC UNIT 44', '811191'],
      ['TEMP LABOR WAREHOUSE PICKERS WK 3', '561320'],
      ['Software development, custom, field-service app', '541511'],
      ['BATT COIN CR2025 3V 5PK', '335912'],
      ['CYL SCBA 4500PSI 60MIN CARBON', '332420'],
      ['Washer-extractor, 60 lb, soft mount', '333318'], // not a fastener's washer
      ['WAREHOUSING STORAGE 20 PALLETS DEC', '493110'],
      // In capitals, a service word after the item ends it, unless goods for that service follow.
      ['PIANO TUNING MUSIC ROOM B', '811490'], // not pianos
      ['FORKLIFT REPAIR HYD LEAK DOCK 2', '811310'],
      ['GENERATOR MAINTENANCE ANNUAL LOAD BANK', '811310'],
      ['PIPE REPAIR CLAMP 6IN SS', '332996'],
      ['FLOOR CLEANING MACHINE 20IN', '333318'],
      ['PICKUP TRUCK 1/2 TON 4X4 CREW CAB MAINT DEPT', '336112'], // bought for the maintenance department
      ['X-RAY INSPECTION SYSTEM CABINET', '334517'],
      // An amount of the item, sized ("Half-pint cartons of …"), is that item.
      ['Half-pint cartons of chocolate milk', '311511'], // not cartons
      ['MKT RESEARCH FOCUS GROUPS 2', '541910'],
      ['AMMO CAN STEEL 30 CAL', '332439'], // a can for ammunition
      ['Local trucking of two pallets to the warehouse', '484110'],
      ['UNL GASOLINE BULK DELIVERY 3000 GAL', '324110'], // fuel delivered, not an engine
      ['Ultra-low sulfur diesel delivered to the yard', '324110'],
      ['NAT GAS SUPPLY + DELIVERY DEC', '221210'], // not gas wells
      ['Hazardous waste pickup, lab solvents', '562112'], // collected, not treated
      ['Hazardous waste disposal', '562211'],
      ['2025 PICKUP 3/4 TON CREW CAB 4X4', '336112'],
      ['SUV 4WD MIDSIZE', '336112'],
      ['CAMERA, CCTV, IP DOME', '334220'],
      ['STEEL DRUM 55GAL OPEN HEAD', '332439'], // not industrial trucks
      ['FIBER DRUM 30GAL', '322219'],
      ['WHEEL ALIGNMENT SVC VANS', '811118'],
      ['Collision repair, bus 12', '811121'],
      ['Rewinding the 150 hp motor', '811310'],
      // A contractor is hired for the work, and its trade names it.
      ['Electrical contractor, panel upgrade', '238210'], // not apparel contractors
      ['Roofing contractor, leak repair', '238160'],
      ['Painting contractor', '238320'],
      ['Apparel contractor, cut and sew', '315210'],
      ['mason sand 10 ton del.', '212321'], // not a mason's hand tools
      ['MILL & OVERLAY 2 IN RESIDENTIAL STREETS SY', '237310'], // not a knitting mill
      ['WORK ORDER SOFTWARE LICENSE RENEWAL 50 USERS', '511210'],
      ['Phase I environmental site assessment', '541620'],
      ['DEICING SALT COARSE BULK PER TON', '212393'],
      ['LINEN SVC TABLECLOTH WKLY', '812331'],
      ['TREE TRIM CKT 12 CREW HRS', '561730'],
      ['Cloud backup storage, monthly', '518210'],
      // A book bought is the publisher's; a blank one, or its printing, is not.
      ['picture books for the library', '511130'],
      ['Books, Picture, Children\'s, Hardcover, Set of 20', '511130'],
      ['Book printing, 500 copies', '323117'],
      ['CELL PHONE SVC 12 LINES MAR', '517312'],
      ['LEGAL FEES EVICTION FILING', '541110'],
      ['Plumbing contractor to run glycol lines', '238220'],
      ['ROLL-OFF 20YD DUMPSTER SWAP', '562111'],
      ['ELEVATOR MAINT CONTRACT 2 CARS', '238290'], // not elevators
      ['PUMP REBUILD SVC SEAL', '811310'],
      ['15W-40 Engine Oil for Heavy-Duty Diesel Fleets, 55 gal Drum', '324191'], // oil, not fuel
      ['HAND TRUCK APPLIANCE 1200LB', '333924'], // not hand soap
      ['CROWN CAP 26MM OXY LINER', '332119'],
      ['LOAD CTR 100A 20SP MAIN BKR', '335313'],
      ['ROLLER COVER 9IN 1/2 NAP', '339994'], // not roller bearings
      ['CAULK SILICONE WHT 10OZ', '325520'],
      ['Muriatic acid, 1 gal', '325180'],
      ['CAL HYPO 68% 50LB PAIL', '325180'],
      ['BFV 4IN LUG DI BODY', '332911'],
      ['PLYWOOD CDX 1/2 4X8', '321212'],
      ['LVP FLRG 6X36 20MIL', '326199'],
      ['PRODUCT PHOTO SHOOT FALL CATALOG', '541922'],
      ['Spiral duct, 8 in x 10 ft', '332322'],
      ['LANDSCAPE MAINT CONTRACT MAY', '561730'],
      ['RUBBER BOOT KNEE HI SZ 11', '316210'], // footwear is no leather-only maker
      ['APAP 500MG TABS 100CT', '325412'],
      ['Sign language interpreting for the board meeting', '541930'], // not signs
      ['BRIEF ADULT DISP MED 80/CS', '322291'], // not underwear
      ['Large print paperback novels for the library', '511130'],
      ['RENT - STORE 07 RETAIL UNIT - APR', '531120'], // a ledger's label: the premises'
      ['RENT TRLR 53FT STORAGE MO', '336212'], // not the premises
      ['MOBILE CMPTR RUGGED ANDROID', '334111'],
      ['TSTAT PROGRAMMABLE 7-DAY', '334512'],
      ['FREIGHT FTL LINEHAUL DRY VAN 53FT', '484121'],
      ['DRAYAGE 40FT CTR PORT TO WHSE', '484110'],
    ];
    for (const [line, naics] of lines) expect(shipped.classify(line).best?.naics, line).toBe(naics);
    expect(shipped.classify('Composition book, wide rule').best?.naics).not.toBe('511130');
    expect(shipped.classify('Printed three-part service ticket books, 50 books').best?.naics).not.toBe('511130');
  });

  it('reads the shorthand of foundries, wafer fabs, grocers, jails, molders, bases and dealers, wet mops, task chairs, box fans, lifts and starters, and the names a card feed prints', () => {
    const lines: [string, string][] = [
      ['WFR SI 200MM TEST GRADE 25/BX', '334413'],
      ['XDCR PRESSURE 0-100 PSI 4-20MA', '334519'],
      ['PNUT BTR CHUNKY 40OZ', '311911'],
      ['MILK EVAP 12OZ', '311514'],
      ['KOH PELLETS 500G', '325180'],
      ['NAOCL 12.5% 55GAL', '325180'],
      ['VEG OIL 35LB', '311225'],
      ['SHCS M6X1.0X20 BLK OX 100/BX', '332722'],
      ['DESK OFC STL 60X30', '337214'],
      ['FCT KITCHEN SGL HDL', '332913'],
      ['AUDIT FY24 CPA FIRM', '541211'], // not "Accountants' (except CPAs) offices"
      ['PORTA JOHN RENTAL MONTHLY', '562991'],
      ['MOP WET LOOP 16OZ RAYON', '339994'], // a wet mop, not mop wringers
      ['TASK CHAIR MESH BACK BLK', '337214'], // an office chair, not wire mesh
      ['BOX FAN 20 IN 3 SPEED', '335210'], // a fan, not a wooden box
      ['Vehicle lift, two post, 9,000 lb', '333921'],
      ['Magnetic starter, NEMA size 2, 480 V', '335314'], // a motor's, not an engine's
      // Names a card feed prints.
      ['HILTON GARDEN INN 1 NT ROOM & TAX', '721110'],
      ['Amtrak fare, Philadelphia to Washington', '482111'],
      ['AUTODESK REVIT SUBSCRIPTION 3 SEATS', '511210'],
      ['CONF REGISTRATION FEE 2 ATTENDEES', '561920'],
      ['AIA NATIONAL MEMBERSHIP DUES', '813920'],
      ['TOW DISABLED VEH RT 9 TO SHOP', '488410'], // a tow, not a ski tow
      // Tools that only come powered are power-driven handtools.
      ['HAMMER DRILL 20V BRUSHLESS KIT', '333991'],
      ['ANGLE GRINDER 5IN 13A SLIDE SW', '333991'],
      ['DIE GRINDER AIR 1/4IN COLLET', '333991'],
      ['SANITIZER QUAT NO-RINSE 1 GAL', '325612'], // a disinfectant, not a wooden pail
      ['WELD ROD 6011 1/8 10LB', '333992'], // a welding electrode, not a plastics rod
      ['SELTZER WATER 12OZ 24CS', '312111'],
      ['BUS CARDS 2-SIDED 16PT 500CT', '323111'], // business cards, not bus parts
      ['SWITCH MANAGED 24 PORT POE', '334210'], // a network's, not an electric switch
      ['MEMORY 16GB DDR4 DIMM', '334418'],
      ['Oak bookcase for the office', '337211'], // oak is wood: not the other office furniture
      ['Oak lateral filing cabinet, 2 drawer', '337211'],
      ['Mailing tubes, 2 x 18 in, 25 per case', '322219'], // a paperboard tube, not an electron tube
      ['Tape, drafting, 1 in x 60 yd', '322220'],
      ['UNLEADED 87 BULK 2,000 GAL', '324110'],
      ['DISH DETERGENT MANUAL 1GAL', '325611'], // a detergent, not dishes
      ['WIRE WELD FLUX CORED .045 33LB', '333992'], // a welding electrode, not wire products
      ['ROOT BEER 12OZ CANS 24CS', '312111'],
      ['SHRINK FILM 60GA 18IN ROLL', '326112'], // packaging film, not a packaging service
      ['Coffee filters, basket, 500 count', '322299'], // paper, not air filters
      ['DRY ERASE MARKER CHISEL TIP BLK 4PK', '339940'], // a felt tip, not a chisel
    ];
    for (const [line, naics] of lines) expect(shipped.classify(line).best?.naics, line).toBe(naics);
  });

  it('reads a word of the item\'s history (recycled, refurbished) as a modifier, wherever it stands', () => {
    // Pulp mills' description mentions "used or recycled rags": the paper is still paper.
    expect(shipped.classify('Recycled copy paper, A4, 5 reams').best?.naics).toBe('322121');
    expect(shipped.classify('Recycled cardboard').best?.naics).toBe('322130');
    expect(shipped.classify('Refurbished laptop').best?.naics).toBe('334111');
  });

  it('reads two words the vocabulary knows as one as that word', () => {
    const vocabulary = new Set(index.terms);
    const joined = joinCompounds(tokenize('FORK LIFT, LIFT TRUCK'), (t) => vocabulary.has(t)).map((t) => t.term);
    expect(joined).toEqual(['forklift', 'lift', 'truck']); // not across segments, and "lift truck" stays two words
    expect(top(vocabularyOnly, 'FORK LIFT 5000 LB')[0]).toBe('333924'); // not a handtool (fork) maker
    expect(top(vocabularyOnly, 'ANTI FREEZE 1 GAL')[0]).toMatch(/^325/); // a chemical, not dried food
    expect(top(vocabularyOnly, 'CHAIN SAW 18 IN GAS')[0]).toBe('333991'); // index entries write it open and closed
  });

  it('counts written neighbours within one comma-separated part as a phrase, in either order', () => {
    const tokens = tokenize('COUPLING PVC, SCHED 40');
    const pairs: string[] = [];
    forEachPhrase(tokens, (a, b) => pairs.push(`${tokens[a]!.term} ${tokens[b]!.term}`));
    // Not "coupling fitting" (a family word the text does not write), nor across the comma.
    expect(pairs).toEqual(['coupling polyvinyl', 'polyvinyl chloride', 'chloride plastic']);
    // "battery charger" is a charger, which NAICS texts name in that phrase; the two words alone read as batteries.
    expect(top(withoutPhrases, 'BATTERY CHARGER 12V')[0]).toBe('335911');
    expect(top(vocabularyOnly, 'BATTERY CHARGER 12V')[0]).toBe('335999');
    expect(top(withoutPhrases, 'SECURITY CAMERA CLOSED CIRCUIT')[0]).not.toMatch(/^334/);
    expect(top(vocabularyOnly, 'SECURITY CAMERA CLOSED CIRCUIT')[0]).toBe('334220');
  });

  it('reads a compound NAICS names products by as its head, the last word, qualified by the first', () => {
    // "Coffee makers" and "Work gloves" are NAICS compounds; the documents of coffee alone, or of
    // leather, are not about the thing bought. In capitals, since goods written as English writes
    // them are read head-last without the compounds too.
    expect(top(withoutCompounds, 'COFFEE MAKER')[0]).toBe('311920');
    expect(['333318', '335210']).toContain(top(shipped, 'COFFEE MAKER')[0]);
    expect(top(withoutCompounds, 'LEATHER WORK GLOVES')[0]).toBe('316110');
    expect(top(shipped, 'LEATHER WORK GLOVES')[0]).toBe('315990');
    // A head that names a class ("equipment") says nothing of the item: the first word keeps deciding.
    expect(top(shipped, 'MONITORING EQUIPMENT, SECURITY, CLOSED CIRCUIT')).toEqual(top(withoutCompounds, 'MONITORING EQUIPMENT, SECURITY, CLOSED CIRCUIT'));
  });

  it('reads goods written as English writes them head-last, and catalogue capitals head-first', () => {
    expect(isWrittenHeadLast('Printer ink')).toBe(true);
    expect(isWrittenHeadLast('USB flash drive, 64 GB')).toBe(true);
    expect(isWrittenHeadLast('PRINTER INK')).toBe(false);
    expect(isWrittenHeadLast('Mesh Office Chairs')).toBe(true);
    expect(isWrittenHeadLast('HP Multipurpose Printer Paper, 8.5 x 11, 3 Ream Pack')).toBe(true);
    expect(isWrittenHeadLast('Gas Cylinders, Empty, Commercial Sizes')).toBe(false);
    expect(isWrittenHeadLast('TONER CARTRIDGE BLACK. For the front office printer')).toBe(false);
    expect(top(shipped, 'Printer ink')[0]).toBe('325910');
    expect(top(shipped, 'Printer Ink')[0]).toBe('325910');
    expect(top(shipped, 'PRINTER INK')[0]).toBe('334118');
    expect(top(shipped, 'Door hinges')[0]).toBe('332510');
    expect(top(shipped, 'DOOR HINGES')[0]).toBe('332321');
    expect(top(shipped, 'Light switch')[0]).toBe('335931');
    expect(top(shipped, 'Glass cleaner')[0]).toBe('325612');
    // What was learned for a modifier counts less than what was learned for the head: the
    // printers that "printer" was learned from are not printer paper.
    expect(top(shipped, 'Printer paper')[0]).toBe('322121');
    // However long the name: a brand and a model first, the item last.
    expect(top(shipped, 'Brother HL-L2350DW Compact Laser Printer')[0]).toBe('334118');
    expect(top(shipped, 'BROTHER HL-L2350DW COMPACT LASER PRINTER')[0]).toBe('333992');
    // A product's name of five words or more weighs its words from the item back: the brand and
    // the line ("Home Essentials") say least.
    expect(top(shipped, 'Acme Home Essentials Stainless Steel Kitchen Sink')[0]).toBe('332999');
    // Not a head: the mill's shape of the material, an activity in -ing, a count of nights.
    expect(top(shipped, 'Copper pipe')[0]).toBe('331420');
    expect(top(shipped, 'Employee drug screening')[0]).toBe('621999');
    expect(top(shipped, 'Hotel stay 2 nights')[0]).toBe('721110');
    // The head's documents include those of words sharing its long prefix (therapists).
    expect(top(shipped, 'Physical therapy')[0]).toBe('621340');
  });

  it('reads a contractor hired, a building system\'s repair, or work named in capitals after the item, as the trade\'s work', () => {
    expect(shipped.classify('Electrical contractor').best?.naics).toBe('238210'); // not the wholesaler of electrical supplies
    // Repair, maintenance and installation are the trades' as often as a repair shop's.
    expect(shipped.classify('HVAC PM QTRLY RTU 1-4 LIBRARY').best?.naics).toBe('238220'); // not machinery repair
    expect(shipped.classify('HVAC REPAIR RTU-2 COMPRESSOR').best?.naics).toBe('238220');
    expect(shipped.classify('Forklift repair, hydraulic leak').best?.naics).toBe('811310'); // a machine's is the shop's
    expect(shipped.classify('Electric contractor').best?.naics).toBe('238210');
    // In capitals, INSTALL ends the item as INSTALLATION does; work may follow the trade's word.
    expect(shipped.classify('ELEC CONTRACTOR INSTALL 208V CIRCUITS FOR OVENS').best?.naics).toBe('238210');
    expect(shipped.classify('HVAC INSTALL RTU 10 TON').best?.naics).toBe('238220');
    expect(shipped.classify('FAUCET INSTALL KIT').best?.naics).toBe('332913'); // goods for the work
    expect(shipped.classify('BUS TOWING 12 MI UNIT 44').best?.naics).toBe('488410'); // not bus parts
    expect(shipped.classify('INTERIOR PAINTING LOBBY 2 COATS').best?.naics).toBe('238320');
    expect(shipped.classify('TIRE DISPOSAL 40 PASSENGER CASINGS').best?.naics.slice(0, 3)).toBe('562'); // not tires
    expect(shipped.classify('MOTOR REWIND 50HP TEFC').best?.naics).toBe('811310'); // not motors
    expect(shipped.classify('GYM FLOOR REFINISHING 2 COATS').best?.naics).toBe('238330'); // not the gym
  });

  it('reads printed paper goods as printing, not printed circuits, a countertop microwave as the oven, gin as liquor', () => {
    const lines: [string, string][] = [
      ['Printed door hangers, 5,000, full color', '323111'],
      ['PRINTED ENVELOPES #10 WINDOW', '323111'],
      ['Printed circuit board assembly', '334418'],
      ['MICROWAVE OVEN COUNTERTOP 1.2 CU FT', '335220'], // not commercial cooking equipment
      ['Microwave, countertop, 1000 W', '335220'], // not microwave components
      ['MICROWAVE OVEN COMMERCIAL 1800W', '333318'],
      ['Microwave radio link 6 GHz', '334220'],
      ['GIN LONDON DRY 1.75L', '312140'], // a liquor NAICS does not name, as vodka and rum
      ['Liqueur, coffee, 750 ml', '312140'],
    ];
    for (const [line, naics] of lines) expect(shipped.classify(line).best?.naics, line).toBe(naics);
  });

  it('reads no document whose "(except …)" names the line\'s item', () => {
    // "Commercial printing (except screen, books)"; "Building exterior cleaning services (except … window cleaning)".
    expect(shipped.classify('Printing of books, 2,000 copies').best?.naics).toBe('323117');
    expect(shipped.classify('Window cleaning, exterior, twice a year').best?.naics).toBe('561720');
  });

  it('reads plural glasses as eyewear, not as the material', () => {
    expect(vocabularyOnly.classify('GLASSES SAFETY WRAPAROUND TINTED').best?.naics.slice(0, 4)).not.toBe('3272');
    expect(top(vocabularyOnly, 'GLASSES SAFETY WRAPAROUND TINTED')).toContain('339115');
  });

  it('reads units of volume and count as no word of the item', () => {
    for (const line of ['Distilled water 5 gal', 'Ethanol, 4 liters', 'Syringes 10 mL', 'Copy paper 10 reams', 'Lemons 165 ct', 'Nitrile gloves 100/cs'])
      expect(shipped.classify(line).rawConfidence, line).toBe(shipped.classify(line.replace(/[\d,].*$/, '')).rawConfidence);
    expect(shipped.classify('Lemons 165 ct').best?.naics).not.toBe('621512'); // a count, not a CT scan
  });

  it('is less sure of a line whose leading word it does not know', () => {
    for (const line of ['diesel fuel', 'copy paper', 'widget thing']) {
      const known = shipped.classify(line);
      const unknownFirst = shipped.classify(`zzqx ${line}`);
      expect(unknownFirst.rawConfidence).toBeLessThan(known.rawConfidence);
      // The calibration map is flat where the development file shows no difference in accuracy.
      expect(unknownFirst.best!.confidence).toBeLessThanOrEqual(known.best!.confidence);
    }
    expect(shipped.classify('zzqx diesel fuel').best!.confidence).toBeLessThan(shipped.classify('diesel fuel').best!.confidence);
    expect(shipped.classify('laptop computer').best!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('falls back from a word NAICS does not write to words sharing its long prefix', () => {
    // "Caulk": NAICS writes "caulking" (compounds, guns, contractors).
    expect(shipped.classify('CAULK').best?.naics).toMatch(/^(325520|332216|238390)$/);
  });

  it('abstains on text without any NAICS word', () => {
    expect(shipped.classify('1234-5678 X 9/16').best).toBeNull();
    expect(shipped.classify('').best).toBeNull();
  });

  it('never throws on arbitrary strings and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(shipped.classify(s)).toEqual(shipped.classify(s));
      }),
      { numRuns: 300 },
    );
  });
});
