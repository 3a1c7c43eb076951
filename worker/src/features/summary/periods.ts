/** Period arithmetic for summaries: "YYYY-MM" months and "YYYY" years. */

export function shiftPeriod(period: string, by: number): string {
  if (period.length === 4) return String(Number(period) + by);
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months ("YYYY-MM") a period covers. */
export function monthsOf(period: string): string[] {
  if (period.length === 7) return [period];
  return Array.from({ length: 12 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
}

export const periodOfMonth = (month: string, granularity: string) =>
  granularity.length === 4 ? month.slice(0, 4) : month;

/** The periods shown in the trend, oldest first, ending with `period`. */
export function trendPeriods(period: string): string[] {
  const count = period.length === 4 ? 3 : 6;
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, i - count + 1));
}
