import { describe, expect, test } from 'vitest';
import { pageLocaleOf } from './page-locale';
import { currencyForLocale, pageCurrency, resolveCurrency } from './resolve-currency';

describe('resolveCurrency', () => {
  const context = { page: 'CAD', locale: 'GBP', user: 'EUR' };

  test('line, then page, then locale, then user', () => {
    expect(resolveCurrency({ currency: 'JPY' }, context)).toEqual({ currency: 'JPY', source: 'line' });
    expect(resolveCurrency(undefined, context)).toEqual({ currency: 'CAD', source: 'page' });
    expect(resolveCurrency({}, { locale: 'GBP', user: 'EUR' })).toEqual({ currency: 'GBP', source: 'locale' });
    expect(resolveCurrency({}, { user: 'EUR' })).toEqual({ currency: 'EUR', source: 'user' });
    expect(resolveCurrency({}, {})).toBeUndefined();
  });

  test('a bare $ becomes the dollar the page declares', () => {
    expect(resolveCurrency({ currency: 'USD', ambiguousSymbol: '$' }, context)).toEqual({ currency: 'CAD', source: 'line' });
    expect(resolveCurrency({ currency: 'USD', ambiguousSymbol: '$' }, { page: 'EUR' })).toEqual({ currency: 'USD', source: 'line' });
    expect(resolveCurrency({ currency: 'JPY', ambiguousSymbol: '¥' }, { locale: 'CNY' })).toEqual({ currency: 'CNY', source: 'line' });
  });
});

describe('currencyForLocale', () => {
  test.each([
    ['en-GB', 'GBP'],
    ['de-DE', 'EUR'],
    ['ja-JP', 'JPY'],
    ['en-US', 'USD'],
    ['en', undefined],
    ['', undefined],
    ['not a tag!', undefined],
    ['zh-Hant-TW', 'TWD'],
    ['fr-ch', 'CHF'],
    ['de_DE', undefined],
    ['de-DE-abcdefghij', undefined],
  ])('%s → %s', (tag, currency) => {
    expect(currencyForLocale(pageLocaleOf(tag))).toBe(currency);
  });
});

describe('pageCurrency', () => {
  test('reads product meta tags', () => {
    document.head.innerHTML = '<meta property="product:price:currency" content="eur">';
    expect(pageCurrency(document)).toBe('EUR');
    document.head.innerHTML = '';
    expect(pageCurrency(document)).toBeUndefined();
  });
});
