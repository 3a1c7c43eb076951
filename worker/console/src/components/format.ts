const kg = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const tonnes = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const figure = new Intl.NumberFormat('en', { maximumSignificantDigits: 6 });
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
const usdFormat = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** kg CO2e, switching to tonnes above 10 t. */
export function formatCo2e(kgCo2e: number): string {
  return Math.abs(kgCo2e) >= 10_000
    ? `${tonnes.format(kgCo2e / 1000)} t CO2e`
    : `${kg.format(kgCo2e)} kg CO2e`;
}

/** A figure of a formula, with up to six significant digits. */
export function formatFigure(value: number): string {
  return figure.format(value);
}

export function formatPercent(share: number): string {
  return percentFormat.format(share);
}

export function formatUsd(amount: number): string {
  return usdFormat.format(amount);
}

/** An amount in its own currency ("EUR 1,234.50"). */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${currency} ${figure.format(amount)}`;
  }
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** A long hash, shortened for tables (the full value stays in the title). */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 12)}…` : hash;
}
