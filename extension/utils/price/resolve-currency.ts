import { AMBIGUOUS_SYMBOLS, REGION_CURRENCY } from './currency-markers';
import type { DecimalMark } from './parse-number';
import type { PageLocale } from './page-locale';
import type { ParsedPrice } from './parse-price';

export type CurrencySource = 'line' | 'page' | 'locale' | 'user';

export interface CurrencyContext {
  /** Declared by the page: schema.org priceCurrency, og/product meta tags. */
  page?: string;
  /** From the page's language tag (html lang), e.g. en-GB → GBP. */
  locale?: string;
  /** The user's default currency from the options page. */
  user?: string;
  /** How the page writes numbers, from its language tag's region (en-IE: "€1,234" is 1234). */
  decimalMark?: DecimalMark;
}

/** Currency from the line, then the page, the locale, the user setting — in that order. */
export function resolveCurrency(
  line: Pick<ParsedPrice, 'currency' | 'ambiguousSymbol'> | undefined,
  context: CurrencyContext,
): { currency: string; source: CurrencySource } | undefined {
  if (line?.currency) {
    const family = line.ambiguousSymbol ? AMBIGUOUS_SYMBOLS[line.ambiguousSymbol] : undefined;
    if (family) {
      const refined = [context.page, context.locale, context.user].find((c) => c && family.includes(c));
      if (refined) return { currency: refined, source: 'line' };
    }
    return { currency: line.currency, source: 'line' };
  }
  if (context.page) return { currency: context.page, source: 'page' };
  if (context.locale) return { currency: context.locale, source: 'locale' };
  if (context.user) return { currency: context.user, source: 'user' };
  return undefined;
}

/** The currency of a page's locale (en-GB → GBP, de-DE → EUR); none without a locale. */
export function currencyForLocale(locale: PageLocale | undefined): string | undefined {
  return locale ? REGION_CURRENCY[locale.region] : undefined;
}

const PAGE_CURRENCY_SELECTORS = [
  'meta[property="product:price:currency"]',
  'meta[property="og:price:currency"]',
  'meta[itemprop="priceCurrency"]',
  'meta[name="currency"]',
];

/** The currency a page declares about itself, if any. */
export function pageCurrency(doc: Document): string | undefined {
  for (const selector of PAGE_CURRENCY_SELECTORS) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim().toUpperCase();
    if (value && /^[A-Z]{3}$/.test(value)) return value;
  }
  const declared = doc.documentElement.getAttribute('data-currency')?.trim().toUpperCase();
  return declared && /^[A-Z]{3}$/.test(declared) ? declared : undefined;
}
