import { describe, expect, it } from 'vitest';
import { Classifier } from './classify';
import { loadEngineIndex } from './load-index';
import { sourceOfEntry } from './produce';

const index = loadEngineIndex();
const classifier = new Classifier(index);
const naicsOf = (line: string) => classifier.classify(line).best?.naics;

describe('produce', () => {
  it("finds crops and catches in the farms' and fisheries' index entries, and seafood's producer", () => {
    expect(sourceOfEntry('111219', 'Onion farming, field, bedding plant and seed production')).toEqual({ word: 'onion', producer: '111219' });
    expect(sourceOfEntry('111211', 'Sweet potato farming, field and seed potato production')).toEqual({ word: 'potato', producer: '111211' });
    expect(sourceOfEntry('111320', 'Lemon groves')).toEqual({ word: 'lemon', producer: '111320' });
    expect(sourceOfEntry('114111', 'Tuna fishing')).toEqual({ word: 'tuna', producer: '311710' });
    expect(sourceOfEntry('112511', 'Catfish production, farm raising')).toEqual({ word: 'catfish', producer: '311710' });
    expect(sourceOfEntry('112310', 'Chicken egg production')).toEqual({ word: 'egg', producer: '112310' });
    expect(sourceOfEntry('112330', 'Turkey production')).toEqual({ word: 'turkey', producer: '311615' });
    expect(sourceOfEntry('112320', 'Fryer chicken production')).toEqual({ word: 'chicken', producer: '311615' });
    expect(sourceOfEntry('112320', 'Roaster chicken production')?.word).toBe('chicken'); // not an oven
    expect(sourceOfEntry('111219', 'Truck farming, field, bedding plant and seed production')).toBeUndefined();
    expect(sourceOfEntry('111320', 'Lime groves')).toBeUndefined(); // quicklime, mostly
    expect(sourceOfEntry('111335', 'Almond farming')).toBeUndefined(); // bought shelled or roasted
    expect(sourceOfEntry('311421', 'Onions pickled')).toBeUndefined();
  });

  it('reads a crop bought as it is as its farm, whatever the canning, snack and leather entries name', () => {
    const lines: [line: string, naics: string][] = [
      ['Onions, yellow, 50 lb sack', '111219'], // not "Onions pickled"
      ['Potatoes russet 50#', '111211'], // not potato chips or russet leather
      ['TOMATOES ROMA 25LB', '111219'],
      ['Fresh strawberries', '111333'],
      ['Green beans, fresh', '111219'], // not cacao beans
      ['Bananas case', '111339'], // not leather cases
      ['Lemons, 115 ct', '111320'],
      ['Mushrooms, button, 10 lb', '111411'],
      ['CARROTS JUMBO 50LB', '111219'],
      ['Bermuda sod, two pallets', '111421'], // a nursery's
    ];
    for (const [line, naics] of lines) expect(naicsOf(line), line).toBe(naics);
  });

  it('reads a fish or shellfish bought, fresh, frozen or in fillets, as prepared seafood, not a day of fishing', () => {
    for (const line of ['Frozen shrimp 21/25', 'Salmon fillet fresh', 'Cod fillets frozen', 'Tilapia fillets 5 oz', 'SHRIMP IQF'])
      expect(naicsOf(line), line).toBe('311710');
  });

  it('reads eggs as the egg farm\'s and a bird bought as processed poultry', () => {
    expect(naicsOf('EGGS MED BRN GR AA 30DZ')).toBe('112310');
    expect(naicsOf('Eggs, shell, extra large, 15 dozen')).toBe('112310'); // the egg, not the chicken
    expect(naicsOf('Whole turkeys, frozen, 12-14 lb')).toBe('311615');
    expect(naicsOf('Eggs, liquid, pasteurized')).not.toBe('112310');
    expect(naicsOf('Chicken wire, 36 in x 50 ft')).toBe('332618');
  });

  it('leaves a food made from a crop, a crop under glass or alive, and goods that share its word to their makers', () => {
    const lines: [line: string, naics: string][] = [
      ['Potato chips', '311919'],
      ['Tomato paste #10 can', '311421'],
      ['Tomatoes, diced, in juice, 6/#10 can', '311421'],
      ['Carrots, baby, peeled 2 lb', '311991'],
      ['Frozen broccoli florets', '311412'],
      ['Coffee beans whole', '311920'],
      ['APPLE IPAD AIR', '334111'],
      ['LEMON DISINFECTANT 1 GAL', '325612'],
      ['PEA GRAVEL 3/8', '212321'],
      ['Crab trap', '332618'],
    ];
    for (const [line, naics] of lines) expect(naicsOf(line), line).toBe(naics);
    expect(naicsOf('Tomatoes, hothouse, on the vine, 15 lb')).not.toBe('111219');
    expect(naicsOf('Oysters, live, 100 count')).not.toBe('311710');
    expect(naicsOf('Turf, Synthetic, Athletic Field, Infilled')).not.toBe('111421');
  });
});
