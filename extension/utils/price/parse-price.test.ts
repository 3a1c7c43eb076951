import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLocalizedNumber } from './parse-number';
import { parseAnyPrice, parsePrice } from './parse-price';
import { collapseWhitespace } from '../text';

describe('parsePrice', () => {
  test.each([
    ['$1,234.56', 1234.56, 'USD'],
    ['1.234,56 €', 1234.56, 'EUR'],
    ['1 234,56 €', 1234.56, 'EUR'],
    ['€12,50', 12.5, 'EUR'],
    ['¥1200', 1200, 'JPY'],
    ['¥1,200', 1200, 'JPY'],
    ['JPY 1.200', 1200, 'JPY'],
    ['USD 12.00', 12, 'USD'],
    ['12.00 USD', 12, 'USD'],
    ['£1,250.00', 1250, 'GBP'],
    ['CHF 1\'234.50', 1234.5, 'CHF'],
    ['US$ 99', 99, 'USD'],
    ['CA$5.25', 5.25, 'CAD'],
    ['$12.00 each', 12, 'USD'],
    ['-$5.00', -5, 'USD'],
    ['($5.00)', -5, 'USD'],
    ['1,234.56', 1234.56, undefined],
    ['42', 42, undefined],
    ['0,125', 0.125, undefined],
    ['$2.125', 2.125, 'USD'],
    ['US$ 2.125 / ea', 2.125, 'USD'],
    ['£1.250', 1.25, 'GBP'],
    ['2.125', 2.125, undefined],
    ['€1.234', 1234, 'EUR'],
    ['1.234 €', 1234, 'EUR'],
    ['€1.234,56', 1234.56, 'EUR'],
    ['1,2345 €', 1.2345, 'EUR'],
    ['$0.0125', 0.0125, 'USD'],
    ['1.234,56-', -1234.56, undefined],
    ['1.234,56- EUR', -1234.56, 'EUR'],
  ])('%s → %d %s', (text, amount, currency) => {
    const parsed = parsePrice(text);
    expect(parsed?.amount).toBeCloseTo(amount, 6);
    expect(parsed?.currency).toBe(currency);
  });

  test('ranges give low, high and a midpoint', () => {
    expect(parsePrice('$10 – $20')).toEqual({ amount: 15, range: { low: 10, high: 20 }, currency: 'USD', ambiguousSymbol: '$' });
    expect(parsePrice('10-20 EUR')).toMatchObject({ amount: 15, range: { low: 10, high: 20 }, currency: 'EUR' });
    expect(parsePrice('£1,000 to £1,500')).toMatchObject({ amount: 1250, currency: 'GBP' });
  });

  test('a lone separator before three digits reads as the page currency writes it, when the text names none', () => {
    expect(parsePrice('1.234', 'EUR')?.amount).toBe(1234);
    expect(parsePrice('2,125', 'EUR')?.amount).toBe(2.125);
    expect(parsePrice('1.234', 'USD')?.amount).toBe(1.234);
    expect(parsePrice('1,234', 'USD')?.amount).toBe(1234);
    expect(parsePrice('$2.125', 'EUR')?.amount).toBe(2.125);
    expect(parsePrice('1.234,56 €', 'USD')?.amount).toBe(1234.56);
  });

  test("the page's own decimal mark (from its language and region) outranks the currency's habit", () => {
    expect(parsePrice('€1,234', undefined, '.')?.amount).toBe(1234); // an Irish page
    expect(parsePrice('€1.234', undefined, '.')?.amount).toBe(1.234);
    expect(parsePrice('1,234', 'EUR', '.')?.amount).toBe(1234);
    expect(parsePrice('$2,125', undefined, ',')?.amount).toBe(2.125); // a German page in dollars
    expect(parsePrice('2.125 $', undefined, ',')?.amount).toBe(2125);
    expect(parsePrice('€12,50', undefined, '.')?.amount).toBe(12.5); // two decimals are decimals anywhere
    expect(parsePrice('1.234,56 €', undefined, '.')?.amount).toBe(1234.56);
  });

  test('a sale price ("was now") reads as the price charged, the last one', () => {
    expect(parsePrice('$180.00 $150.00')).toMatchObject({ amount: 150, currency: 'USD' });
    expect(parsePrice('180,00 € 150,00 €')).toMatchObject({ amount: 150, currency: 'EUR' });
    expect(parsePrice('$180.00 150.00')).toBeUndefined();
  });

  test('a bare $ is flagged as ambiguous so the page can name the dollar', () => {
    expect(parsePrice('$3.00')?.ambiguousSymbol).toBe('$');
    expect(parsePrice('US$3.00')?.ambiguousSymbol).toBeUndefined();
  });

  test.each(['', 'Recycled copy paper', 'Order 12345 placed on 2026-03-01', 'Qty 2 of 3 items $5',  '$20 – $10', '$1,2345', '1.2345 €', 'Call 555-1234 for a quote today and get free shipping on orders'])(
    'refuses %j',
    (text) => {
      expect(parsePrice(text)).toBeUndefined();
    },
  );

  test('property: a US-formatted amount reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (cents) => {
        const formatted = (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
        expect(parsePrice(formatted)?.amount).toBeCloseTo(cents / 100, 6);
      }),
    );
  });

  test('property: a three-decimal dollar or pound unit price reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom('USD', 'GBP', 'CAD', 'AUD'), (mills, currency) => {
        const formatted = (mills / 1000).toLocaleString('en-US', { style: 'currency', currency, minimumFractionDigits: 3 });
        expect(parsePrice(formatted)?.amount).toBeCloseTo(mills / 1000, 6);
      }),
    );
  });

  test('property: a German-formatted three-decimal number reads back on a euro page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (mills) => {
        const formatted = (mills / 1000).toLocaleString('de-DE', { minimumFractionDigits: 3 });
        expect(parsePrice(formatted, 'EUR')?.amount).toBeCloseTo(mills / 1000, 6);
      }),
    );
  });

  test('property: a German-formatted euro amount reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (cents) => {
        const formatted = (cents / 100).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });
        expect(parsePrice(formatted)).toMatchObject({ currency: 'EUR' });
        expect(parsePrice(formatted)!.amount).toBeCloseTo(cents / 100, 6);
      }),
    );
  });

  test('property: yen and pounds in their own locales read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (whole) => {
        expect(parsePrice(whole.toLocaleString('ja-JP', { style: 'currency', currency: 'JPY' }))?.amount).toBe(whole);
        expect(parsePrice(whole.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' }))).toMatchObject({ amount: whole, currency: 'GBP' });
      }),
    );
  });

  test('property: the fast path for common formats answers exactly as the full parse', () => {
    const digits = fc.stringMatching(/^\d{1,4}$/);
    const number = fc.tuple(digits, fc.array(fc.tuple(fc.constantFrom('.', ',', "'", ' '), digits), { maxLength: 3 })).map(
      ([head, rest]) => head + rest.map(([separator, group]) => separator + group).join(''),
    );
    const marker = fc.constantFrom('', '$', '€', '£', '¥', 'US$', 'USD', 'EUR', 'JPY', 'KRW', 'ABC', 'CHF', '-', '(');
    const priceLike = fc.tuple(marker, fc.constantFrom('', ' ', '\u00a0'), number, fc.constantFrom('', ' '), marker).map((parts) => parts.join(''));
    const pageCurrency = fc.constantFrom(undefined, 'USD', 'EUR', 'JPY');
    const pageDecimalMark = fc.constantFrom(undefined, '.' as const, ',' as const);
    fc.assert(
      fc.property(fc.oneof(priceLike, fc.string({ maxLength: 20 })), pageCurrency, pageDecimalMark, (text, page, mark) => {
        expect(parsePrice(text, page, mark)).toEqual(parseAnyPrice(collapseWhitespace(text), page, mark));
      }),
      { numRuns: 5000 },
    );
  });

  test('property: arbitrary text never throws', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const parsed = parsePrice(text);
      if (parsed) expect(Number.isFinite(parsed.amount)).toBe(true);
    }));
  });
});

describe('parseLocalizedNumber', () => {
  test('zero-decimal currencies read a lone separator as grouping', () => {
    expect(parseLocalizedNumber('1.200', true)).toBe(1200);
    expect(parseLocalizedNumber('1.20', true)).toBeUndefined();
  });
  test('malformed grouping is refused', () => {
    expect(parseLocalizedNumber('1,23,4')).toBeUndefined();
    expect(parseLocalizedNumber('12.')).toBeUndefined();
    expect(parseLocalizedNumber('1,2345')).toBeUndefined();
  });
  test('a lone separator before three digits is a decimal mark where the currency writes it so', () => {
    expect(parseLocalizedNumber('2.125')).toBe(2.125);
    expect(parseLocalizedNumber('2.125', false, ',')).toBe(2125);
    expect(parseLocalizedNumber('2,125')).toBe(2125);
    expect(parseLocalizedNumber('2,125', false, ',')).toBe(2.125);
    expect(parseLocalizedNumber('0.125', false, ',')).toBe(0.125);
  });
});
