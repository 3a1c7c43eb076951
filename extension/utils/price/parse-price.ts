import { AMBIGUOUS_SYMBOLS, CURRENCY_SYMBOLS, ISO_CURRENCIES, ZERO_DECIMAL_CURRENCIES } from './currency-markers';
import { collapseWhitespace } from '../text';
import { decimalMarkOf, parseLocalizedNumber, type DecimalMark } from './parse-number';

export interface ParsedPrice {
  /** The price; for a range, its midpoint. */
  amount: number;
  /** ISO 4217 code written in the text ("USD 12.00", "£1", "1,00 €"), if any. */
  currency?: string;
  /** Set when the currency came from a bare "$" or "¥": the page or locale may name another member. */
  ambiguousSymbol?: string;
  range?: { low: number; high: number };
}

const MAX_PRICE_TEXT = 64;
const NUMBER_TOKEN = /\d+(?:(?:[.,'’]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*/g;
const RANGE_SEPARATOR = /^(?:-|–|—|~|to|bis|à|a)$/i;
const ISO_TOKEN = /(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])/g;
const ALLOWED_WORDS_WITHOUT_CURRENCY = /^(?:ea|each|per|unit|pc|pcs|net|gross|incl|excl|vat|tax)$/i;

interface CurrencyMarker {
  currency: string;
  text: string;
  ambiguous?: string;
}

function findCurrencyMarker(text: string): CurrencyMarker | undefined {
  for (const match of text.matchAll(ISO_TOKEN)) {
    const code = match[1]!;
    if (ISO_CURRENCIES.has(code)) return { currency: code, text: code };
  }
  for (const [marker, currency] of CURRENCY_SYMBOLS) {
    if (text.includes(marker)) {
      return { currency, text: marker, ...(AMBIGUOUS_SYMBOLS[marker] ? { ambiguous: marker } : {}) };
    }
  }
  return undefined;
}

/** "-$5.00", "($5.00)", and SAP's trailing minus "1.234,56-". */
function isNegative(text: string): boolean {
  return /^\(.*\)$/.test(text) || /^[^\d]{0,4}?[-−]\s*[^\d]{0,4}\d/.test(text) || /\d[-−]\s*[^\d]{0,4}$/.test(text);
}

/** One symbol, then one number of digits and `.`/`,` ("$1,234.56", "€12,50", "£5"). */
const SYMBOL_FIRST = /^([$€£¥]) ?(\d+(?:[.,]\d+)*)$/;
/** One number, then nothing or one symbol ("1.234,56 €", "42", "1,234.56"). */
const SYMBOL_LAST = /^(\d+(?:[.,]\d+)*)(?: ?([$€£¥]))?$/;
/** An ISO code and one number, either way round ("USD 12.00", "12.00 EUR"). */
const ISO_FIRST = /^([A-Z]{3}) (\d+(?:[.,]\d+)*)$/;
const ISO_LAST = /^(\d+(?:[.,]\d+)*) ([A-Z]{3})$/;
const SYMBOL_CURRENCY: Readonly<Record<string, string>> = Object.fromEntries(CURRENCY_SYMBOLS);

/**
 * "1234.56", "42", "1,234.56": digits with no separator to interpret, or commas before the one
 * decimal point, read as parseLocalizedNumber reads them but without its patterns. Undefined for
 * anything it would have to judge (a lone dot where the decimal mark is a comma, zero-decimal
 * currencies, decimal commas).
 */
function plainNumber(number: string, zeroDecimal: boolean, decimalMark: DecimalMark): number | undefined {
  const dot = number.indexOf('.');
  if (dot === -1) return number.indexOf(',') === -1 ? Number(number) : undefined;
  if (zeroDecimal || dot !== number.lastIndexOf('.') || number.lastIndexOf(',') > dot) return undefined;
  if (number.indexOf(',') === -1) return decimalMark === '.' ? Number(number) : undefined;
  return Number(number.split(',').join(''));
}

/** Not decided by the fast path: the full parse must read the text. */
const UNDECIDED = Symbol('undecided');

/**
 * The formats most pages use — one number with a symbol or ISO code before or after it, or
 * none — read with one anchored pattern instead of the full parse's dozen passes over the text
 * (hundreds of cells per page). Gives exactly the full parse's answer (property-tested) and
 * UNDECIDED for everything else.
 */
function parseCommonPrice(text: string, pageCurrency: string | undefined, pageDecimalMark: DecimalMark | undefined): ParsedPrice | undefined | typeof UNDECIDED {
  // Indexed reads, not destructuring: this runs once per cell in code the engine has not yet
  // optimised, where array destructuring goes through the iterator protocol.
  let number: string;
  let currency: string | undefined;
  let symbol: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = SYMBOL_FIRST.exec(text))) {
    symbol = match[1];
    number = match[2]!;
  } else if ((match = SYMBOL_LAST.exec(text))) {
    number = match[1]!;
    symbol = match[2];
  } else if ((match = ISO_FIRST.exec(text))) {
    currency = match[1];
    number = match[2]!;
  } else if ((match = ISO_LAST.exec(text))) {
    number = match[1]!;
    currency = match[2];
  } else {
    return UNDECIDED;
  }
  if (symbol) currency = SYMBOL_CURRENCY[symbol];
  else if (currency && !ISO_CURRENCIES.has(currency)) return UNDECIDED;
  const zeroDecimal = currency !== undefined && ZERO_DECIMAL_CURRENCIES.has(currency);
  const decimalMark = pageDecimalMark ?? decimalMarkOf(currency ?? pageCurrency);
  const value = plainNumber(number, zeroDecimal, decimalMark) ?? parseLocalizedNumber(number, zeroDecimal, decimalMark);
  if (value === undefined) return undefined;
  if (!currency) return { amount: value };
  return symbol && AMBIGUOUS_SYMBOLS[symbol] ? { amount: value, currency, ambiguousSymbol: symbol } : { amount: value, currency };
}

/**
 * Parses a price as written on a page: "$1,234.56", "1.234,56 €", "¥1200", "USD 12.00",
 * "£1,250.00", "$10 – $20", "CHF 1'234.50", "$180.00 $150.00" (was, now). Returns undefined for
 * anything that is not clearly one price (prose, several numbers, dates). How a lone separator
 * reads ("1.234" is 1234 on a euro page and 1.234 on a dollar page) follows `pageDecimalMark`
 * (the page's language and region) when known, else the currency the text names, else
 * `pageCurrency` (the page's, its locale's, or a currency column's).
 */
export function parsePrice(raw: string, pageCurrency?: string, pageDecimalMark?: DecimalMark): ParsedPrice | undefined {
  const text = collapseWhitespace(raw); // \s covers no-break and thin spaces
  if (!text || text.length > MAX_PRICE_TEXT) return undefined;
  const common = parseCommonPrice(text, pageCurrency, pageDecimalMark);
  return common === UNDECIDED ? parseAnyPrice(text, pageCurrency, pageDecimalMark) : common;
}

/** The full parse (ranges, negatives, words, every currency marker) of a collapsed text. */
export function parseAnyPrice(text: string, pageCurrency?: string, pageDecimalMark?: DecimalMark): ParsedPrice | undefined {
  if (!text || text.length > MAX_PRICE_TEXT) return undefined;
  const marker = findCurrencyMarker(text);
  const zeroDecimal = marker ? ZERO_DECIMAL_CURRENCIES.has(marker.currency) : false;
  const decimalMark = pageDecimalMark ?? decimalMarkOf(marker?.currency ?? pageCurrency);
  const tokens = [...text.matchAll(NUMBER_TOKEN)];
  if (tokens.length === 0 || tokens.length > 2) return undefined;

  const withoutNumbers = text.replace(NUMBER_TOKEN, ' ');
  const residual = (marker ? withoutNumbers.split(marker.text).join(' ') : withoutNumbers)
    .replace(/[-−–—~()/.,:*+]/g, ' ')
    .trim();
  const words = residual.split(/\s+/).filter(Boolean);
  if (!marker && words.some((word) => !ALLOWED_WORDS_WITHOUT_CURRENCY.test(word))) return undefined;
  if (marker && residual.replace(/\s/g, '').length > 24) return undefined;

  const values = tokens.map((token) => parseLocalizedNumber(token[0], zeroDecimal, decimalMark));
  if (values.some((value) => value === undefined)) return undefined;
  const currencyFields = marker
    ? { currency: marker.currency, ...(marker.ambiguous ? { ambiguousSymbol: marker.ambiguous } : {}) }
    : {};

  if (tokens.length === 2) {
    const [first, second] = tokens as [RegExpMatchArray, RegExpMatchArray];
    let between = text.slice(first.index! + first[0].length, second.index!);
    if (marker && isWasNow(between, marker.text)) return { amount: values[1]!, ...currencyFields };
    if (marker) between = between.split(marker.text).join('');
    if (!RANGE_SEPARATOR.test(between.trim())) return undefined;
    const [low, high] = values as [number, number];
    if (high < low) return undefined;
    return { amount: (low + high) / 2, range: { low, high }, ...currencyFields };
  }
  const value = values[0]!;
  return { amount: isNegative(text) ? -value : value, ...currencyFields };
}

/**
 * Two prices side by side, each with its currency ("$180.00 $150.00", "180,00 € 150,00 €"): a sale
 * price, the old one first by convention. Only whitespace and the currency marker lie between.
 */
function isWasNow(between: string, marker: string): boolean {
  return between.includes(marker) && between.split(marker).join('').trim() === '';
}
