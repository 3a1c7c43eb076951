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

/** The number of days in a month "YYYY-MM". */
function daysIn(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A date span, both ends included ("YYYY-MM-DD"). */
export interface DateSpan {
  from: string;
  to: string;
}

/**
 * The span of the period before `period` that its figures are compared with: all of it, or,
 * while `period` is still in progress on `today`, its days up to the same day of the month (or,
 * for a year, the same month and day), so a month three days old is not set against a whole one.
 * A day the previous month lacks (31 March, a leap day) becomes that month's last.
 */
export function comparisonSpan(period: string, today: string): DateSpan {
  const previous = shiftPeriod(period, -1);
  const yearly = period.length === 4;
  const inProgress = today.startsWith(period);
  const lastMonth = yearly ? `${previous}-${inProgress ? today.slice(5, 7) : '12'}` : previous;
  const lastDay = Math.min(inProgress ? Number(today.slice(8)) : 31, daysIn(lastMonth));
  return {
    from: yearly ? `${previous}-01-01` : `${previous}-01`,
    to: `${lastMonth}-${String(lastDay).padStart(2, '0')}`,
  };
}
