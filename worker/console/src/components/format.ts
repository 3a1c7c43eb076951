const kg = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const tonnes = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** kg CO2e, switching to tonnes above 10 t. */
export function formatCo2e(kgCo2e: number): string {
  return Math.abs(kgCo2e) >= 10_000
    ? `${tonnes.format(kgCo2e / 1000)} t CO2e`
    : `${kg.format(kgCo2e)} kg CO2e`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A long hash, shortened for tables (the full value stays in the title). */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 12)}…` : hash;
}
