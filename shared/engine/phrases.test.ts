import { describe, expect, it } from 'vitest';
import { PairTable, PhraseTable } from './phrases';

const pack = (values: number[]) => Buffer.from(new Uint16Array(values).buffer).toString('base64');

describe('word pair tables', () => {
  // Pairs sorted by first word, then second: [0, 2], [1, 3], [1, 4].
  const packed = pack([0, 2, 1, 3, 1, 4]);

  it('finds an ordered pair by its two words, in that order only', () => {
    const pairs = new PairTable(packed, 5);
    expect(pairs.indexOf(0, 2)).toBe(0);
    expect(pairs.indexOf(1, 4)).toBe(2);
    expect(pairs.indexOf(2, 0)).toBeUndefined();
    expect(pairs.indexOf(1, 2)).toBeUndefined();
    expect(pairs.indexOf(4, 4)).toBeUndefined();
  });

  it('finds a phrase in either order, as a term id after the words', () => {
    const phrases = new PhraseTable(packed, 5);
    expect(phrases.idOf(3, 1)).toBe(5 + 1);
    expect(phrases.idOf(1, 3)).toBe(5 + 1);
    expect(phrases.idOf(0, 3)).toBeUndefined();
  });
});
