/**
 * Reads one localized number token ("1,234.56", "1.234,56", "1 234,56", "1'234.50", "1200").
 * With both separators, the last one is the decimal mark; a lone separator followed by exactly
 * three digits is a thousands separator (unless the integer part is 0); zero-decimal currencies
 * never have a decimal part.
 */
export function parseLocalizedNumber(token: string, zeroDecimal = false): number | undefined {
  const compact = token.replace(/[\s'’\u00a0\u202f\u2009]/g, '');
  if (!/^\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return undefined;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalMark = lastDot > lastComma ? '.' : ',';
    const groupMark = decimalMark === '.' ? ',' : '.';
    normalized = compact.split(groupMark).join('').replace(decimalMark, '.');
    if (normalized.split('.').length > 2) return undefined;
  } else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
    if (!mark) {
      normalized = compact;
    } else {
      const parts = compact.split(mark);
      const isGrouping =
        zeroDecimal || (parts.length > 2 ? true : parts[1]!.length === 3 && parts[0] !== '0');
      if (isGrouping && parts.slice(1).some((group) => group.length !== 3)) return undefined;
      normalized = isGrouping ? parts.join('') : `${parts[0]}.${parts[1]}`;
    }
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}
