/** The months ("YYYY-MM") that a period of days (YYYY-MM-DD, inclusive) touches, in order. */
export function monthsBetween(startDate: string, endDate: string): string[] {
  const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(startDate); i <= index(endDate); i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
