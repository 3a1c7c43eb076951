import { describe, expect, test } from 'vitest';
import { REGION_CURRENCY } from './currency-markers';
import { decimalMarkOfLocale, pageLocaleOf } from './page-locale';

const LANGUAGES = 'af az be bg bn bs ca cs cy da de el en es et eu fi fil fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky lt lv mk ml mn mr ms mt my nb ne nl nn no pa pl pt ro ru si sk sl sq sr sv sw ta te th tr uk uz vi zh zu'.split(' ');
const REGIONS = [...Object.keys(REGION_CURRENCY), ...'LI LU IS RO BG UA RU ID PH VN TH MY AR CL CO PE CU DO GT HN NI PA PR SV GE EG'.split(' ')];

/** CLDR's decimal mark for a tag, when Intl has data for exactly that tag. */
function cldrMark(tag: string): string | undefined {
  const format = new Intl.NumberFormat(tag);
  if (format.resolvedOptions().locale !== tag) return undefined;
  return format.formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
}

describe('page locale', () => {
  test('only a tag with a region is a locale', () => {
    expect(pageLocaleOf('en')).toBeUndefined();
    expect(pageLocaleOf('')).toBeUndefined();
    expect(pageLocaleOf(' en-ie ')).toEqual({ language: 'en', region: 'IE' });
    expect(pageLocaleOf('zh-Hant-TW')).toEqual({ language: 'zh', region: 'TW' });
    expect(pageLocaleOf('ca-ES-valencia')).toEqual({ language: 'ca', region: 'ES' });
  });

  test('the decimal mark of every language and region pair agrees with CLDR (Intl)', () => {
    let compared = 0;
    for (const language of LANGUAGES) {
      for (const region of REGIONS) {
        const tag = `${language}-${region}`;
        const expected = cldrMark(tag) ?? cldrMark(language);
        if (expected !== '.' && expected !== ',') continue;
        expect(decimalMarkOfLocale({ language, region }), tag).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });

  test('languages outside the tables say nothing', () => {
    expect(decimalMarkOfLocale({ language: 'ar', region: 'EG' })).toBeUndefined();
  });
});
