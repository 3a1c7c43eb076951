/** Currency symbols and prefixes, longest first so "US$" wins over "$". */
export const CURRENCY_SYMBOLS: ReadonlyArray<readonly [marker: string, currency: string]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['MX$', 'MXN'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['RMB', 'CNY'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['元', 'CNY'],
  ['円', 'JPY'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₫', 'VND'],
  ['₱', 'PHP'],
  ['₦', 'NGN'],
];

/** A bare symbol names a family of currencies; the page or locale may pick another member. */
export const AMBIGUOUS_SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN'],
  '¥': ['JPY', 'CNY'],
  '￥': ['JPY', 'CNY'],
};

export const ISO_CURRENCIES = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'INR', 'KRW',
  'BRL', 'MXN', 'HKD', 'SGD', 'PLN', 'CZK', 'HUF', 'ZAR', 'TRY', 'ILS', 'RUB', 'VND', 'PHP', 'NGN',
  'THB', 'IDR', 'MYR', 'TWD', 'AED', 'SAR', 'RON', 'BGN', 'CLP', 'COP', 'ARS', 'PEN',
]);

/** Currencies quoted without minor units: "1.200" in them is twelve hundred. */
export const ZERO_DECIMAL_CURRENCIES = new Set(['JPY', 'KRW', 'VND', 'CLP', 'HUF', 'IDR', 'TWD']);

/** Currencies written with a decimal comma ("1.234,56"); the others here use a decimal point. */
export const DECIMAL_COMMA_CURRENCIES = new Set([
  'EUR', 'BRL', 'PLN', 'CZK', 'SEK', 'NOK', 'DKK', 'TRY', 'RUB', 'RON', 'BGN', 'COP', 'ARS', 'PEN',
]);

/** Region (ISO 3166) → currency, for the locale fallback. */
export const REGION_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD', GB: 'GBP', UK: 'GBP', IE: 'EUR', DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR',
  BE: 'EUR', AT: 'EUR', PT: 'EUR', FI: 'EUR', GR: 'EUR', LU: 'EUR', SK: 'EUR', SI: 'EUR', EE: 'EUR',
  LV: 'EUR', LT: 'EUR', HR: 'EUR', CY: 'EUR', MT: 'EUR', JP: 'JPY', CN: 'CNY', CA: 'CAD', AU: 'AUD',
  NZ: 'NZD', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', IN: 'INR', KR: 'KRW', BR: 'BRL', MX: 'MXN',
  HK: 'HKD', SG: 'SGD', PL: 'PLN', CZ: 'CZK', HU: 'HUF', ZA: 'ZAR', TR: 'TRY', IL: 'ILS', TW: 'TWD',
};
