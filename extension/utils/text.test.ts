import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { collapseWhitespace } from './text';

describe('collapseWhitespace', () => {
  test('equals a full collapse and trim for any text, tidy or not', () => {
    const whitespace = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u202f', '\u2009', '\u3000', '\r\n ');
    const word = fc.string({ minLength: 1, maxLength: 6 });
    const text = fc.array(fc.oneof(word, whitespace), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(collapseWhitespace(value)).toBe(value.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  test('a tidy cell text comes back as it is', () => {
    expect(collapseWhitespace('Recycled copy paper #1')).toBe('Recycled copy paper #1');
    expect(collapseWhitespace(' 1.234,56\u00a0€\n')).toBe('1.234,56 €');
  });
});
