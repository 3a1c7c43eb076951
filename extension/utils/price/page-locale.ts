import type { DecimalMark } from './parse-number';

/** A page's language tag with an explicit region (en-IE, de-CH, zh-Hant-TW). */
export interface PageLocale {
  language: string;
  region: string;
}

/** language[-script]-REGION[-variant…] (BCP 47), e.g. de-DE, en-GB, zh-Hant-TW, ca-ES-valencia. */
const LANGUAGE_TAG_WITH_REGION = /^([A-Za-z]{2,3})(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * The page's locale when its language tag names a region. A bare "en" is what page templates
 * default to, so it says nothing about money or number habits. A pattern rather than
 * Intl.Locale: the first Intl call in a content script costs 30–60 ms of the page's time.
 */
export function pageLocaleOf(languageTag: string | undefined | null): PageLocale | undefined {
  const match = LANGUAGE_TAG_WITH_REGION.exec(languageTag?.trim() ?? '');
  return match ? { language: match[1]!.toLowerCase(), region: match[2]!.toUpperCase() } : undefined;
}

/** Languages whose CLDR number format has a decimal comma ("1.234,56"). */
const DECIMAL_COMMA_LANGUAGES = new Set([
  'af', 'az', 'be', 'bg', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'eu', 'fi', 'fr', 'gl', 'hr', 'hu',
  'hy', 'id', 'is', 'it', 'ka', 'kk', 'ky', 'lt', 'lv', 'mk', 'nb', 'nl', 'nn', 'no', 'pl', 'pt', 'ro', 'ru',
  'sk', 'sl', 'sq', 'sr', 'sv', 'tr', 'uk', 'uz', 'vi',
]);

/** Languages whose CLDR number format has a decimal point ("1,234.56"). */
const DECIMAL_POINT_LANGUAGES = new Set([
  'bn', 'cy', 'en', 'fil', 'ga', 'gu', 'he', 'hi', 'ja', 'km', 'kn', 'ko', 'ml', 'mn', 'mr', 'ms', 'mt',
  'my', 'ne', 'pa', 'si', 'sw', 'ta', 'te', 'th', 'zh', 'zu',
]);

/** Regions where a language writes the other mark than its usual one (CLDR: en-DE "1.234,56", de-CH "1’234.56"). */
const OTHER_MARK_IN: Readonly<Record<string, readonly string[]>> = {
  en: ['AT', 'BE', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GE', 'HU', 'ID', 'IT', 'LT', 'LV', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'UA', 'ZA'],
  de: ['CH', 'LI'],
  it: ['CH'],
  es: ['BR', 'CU', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PR', 'SV', 'US'],
  ms: ['ID'],
  kk: ['CN'],
};

/**
 * How numbers are written in `locale` (CLDR, checked against Intl in page-locale.test.ts);
 * undefined for languages outside the tables, whose pages fall back to the currency's habit.
 */
export function decimalMarkOfLocale({ language, region }: PageLocale): DecimalMark | undefined {
  const usual = DECIMAL_COMMA_LANGUAGES.has(language) ? ',' : DECIMAL_POINT_LANGUAGES.has(language) ? '.' : undefined;
  if (!usual) return undefined;
  const other = usual === ',' ? '.' : ',';
  return OTHER_MARK_IN[language]?.includes(region) ? other : usual;
}
