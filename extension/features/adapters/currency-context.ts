import { decimalMarkOfLocale, pageLocaleOf } from '../../utils/price/page-locale';
import { currencyForLocale, pageCurrency, type CurrencyContext } from '../../utils/price/resolve-currency';

let userCurrency: string | undefined;

/** The user's default currency (options page), set once by the content script. */
export function setUserCurrency(currency: string | undefined): void {
  userCurrency = currency;
}

/** Page-level currency context: page declaration, locale of the page, user setting. */
export function currencyContextOf(doc: Document): CurrencyContext {
  const context: CurrencyContext = {};
  const page = pageCurrency(doc);
  if (page) context.page = page;
  const pageLocale = pageLocaleOf(doc.documentElement.lang);
  const locale = currencyForLocale(pageLocale);
  if (locale) context.locale = locale;
  const decimalMark = pageLocale && decimalMarkOfLocale(pageLocale);
  if (decimalMark) context.decimalMark = decimalMark;
  if (userCurrency) context.user = userCurrency;
  return context;
}
