import { AMBIGUOUS_SYMBOLS, REGION_CURRENCY } from './currency-markers';
import type { ParsedPrice } from './parse-price';

export type CurrencySource = 'line' | 'page' | 'locale' | 'user';

export interface CurrencyContext {
  /** Declared by the page: schema.org priceCurrency, og/product meta tags. */
  page?: string;
  /** From the page's language tag (html lang), e.g. en-GB → GBP. */
  locale?: string;
  /** The user's default currency from the options page. */
  user?: string;
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

/** en-GB → GBP, de-DE → EUR, ja → undefined (no region). */
export function currencyForLocale(languageTag: string | undefined | null): string | undefined {
  if (!languageTag) return undefined;
  // Only an explicit region counts (a bare "en" says nothing about money). A pattern rather than
  // Intl.Locale: the first Intl call in a content script costs milliseconds of the page's time.
  const region = LANGUAGE_TAG_WITH_REGION.exec(languageTag.trim())?.[1]?.toUpperCase();
  return region ? REGION_CURRENCY[region] : undefined;
}

/** language[-script]-REGION[-variant…] (BCP 47), e.g. de-DE, en-GB, zh-Hant-TW, ca-ES-valencia. */
const LANGUAGE_TAG_WITH_REGION = /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-[A-Za-z0-9]{1,8})*$/;

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
