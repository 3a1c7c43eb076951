import { DECIMAL_COMMA_CURRENCIES } from './currency-markers';

export type DecimalMark = '.' | ',';

/** How amounts in a currency mark their decimals; a point when the currency is unknown. */
export function decimalMarkOf(currency: string | undefined): DecimalMark {
  return currency !== undefined && DECIMAL_COMMA_CURRENCIES.has(currency) ? ',' : '.';
}

/**
 * Reads one localized number token ("1,234.56", "1.234,56", "1 234,56", "1'234.50", "1200").
 * With both separators, the last one is the decimal mark. A lone separator is read by
 * `decimalMark` (the currency's or page's convention): "2.125" is 2.125 with a decimal point and
 * 2125 with a decimal comma. Zero-decimal currencies never have a decimal part.
 */
export function parseLocalizedNumber(token: string, zeroDecimal = false, decimalMark: DecimalMark = '.'): number | undefined {
  const compact = token.replace(/[\s'’\u00a0\u202f\u2009]/g, '');
  if (!/^\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return undefined;
  const hasDot = compact.includes('.');
  const hasComma = compact.includes(',');
  let normalized: string | undefined;
  if (hasDot && hasComma) normalized = withBothSeparators(compact);
  else if (hasDot || hasComma) normalized = withOneSeparator(compact, hasDot ? '.' : ',', zeroDecimal, decimalMark);
  else normalized = compact;
  if (normalized === undefined) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/** "1.234,56", "1,234.56": the last separator is the decimal mark, the other one groups. */
function withBothSeparators(compact: string): string | undefined {
  const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
  const group = decimal === '.' ? ',' : '.';
  const normalized = compact.split(group).join('').replace(decimal, '.');
  return normalized.split('.').length > 2 ? undefined : normalized;
}

/**
 * "1,234,567", "12,50", "2.125": several separators group; a lone one before two digits is a
 * decimal mark; before exactly three digits it groups unless it is the decimal mark ("0.125" and
 * "0,125" never group); before four or more it must be the decimal mark ("$1,2345" is refused).
 */
function withOneSeparator(compact: string, separator: DecimalMark, zeroDecimal: boolean, decimalMark: DecimalMark): string | undefined {
  const parts = compact.split(separator);
  const isDecimalMark = separator === decimalMark || parts[0] === '0';
  const decimals = parts[1]!.length;
  const groups = zeroDecimal || parts.length > 2 || (decimals === 3 && !isDecimalMark);
  if (groups) return parts.slice(1).every((group) => group.length === 3) ? parts.join('') : undefined;
  if (decimals > 3 && !isDecimalMark) return undefined;
  return `${parts[0]}.${parts[1]}`;
}
