import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EVERYDAY_MEANINGS } from '../shared/engine/everyday';
import { terms } from '../shared/engine/text';
import { ROOT } from './build-engine-index';

const readRows = (file: string) =>
  parse(readFileSync(join(ROOT, 'data', file)), { columns: false }) as string[][];

/** Each 6-digit code's 2017 title and index entries, as sets of index terms. */
function naicsTexts(): Map<string, Set<string>[]> {
  const texts = new Map<string, Set<string>[]>();
  const add = (code: string | undefined, text: string | undefined) => {
    if (!code || !/^\d{6}$/.test(code.trim()) || !text) return;
    texts.set(code.trim(), [...(texts.get(code.trim()) ?? []), new Set(terms(text))]);
  };
  for (const [, code, title] of readRows('2-6 digit_2017_Codes.csv')) add(code, title);
  for (const [code, entry] of readRows('2017_NAICS_Index_File.csv')) add(code, entry);
  return texts;
}

describe('everyday meanings', () => {
  const texts = naicsTexts();

  /** The fewest other words in a text of the code that holds all `words` (Infinity: none does). */
  const fewestOtherWords = (code: string, words: readonly string[]) =>
    Math.min(
      ...(texts.get(code) ?? [])
        .filter((text) => words.every((w) => text.has(w)))
        .map((text) => text.size - new Set(words).size),
    );

  it.each(EVERYDAY_MEANINGS.map((m) => [m.means, m.naics]))(
    '"%s" names %s: no code has a title or index entry that holds all its words more closely',
    (means, naics) => {
      const words = terms(means);
      expect(words.length).toBeGreaterThan(0);
      const named = fewestOtherWords(naics, words);
      expect(named).toBeLessThan(Infinity);
      for (const code of texts.keys())
        expect(fewestOtherWords(code, words)).toBeGreaterThanOrEqual(named);
    },
  );
});
