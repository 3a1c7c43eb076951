import type { RecordLine } from '../../utils/api/api-client';
import type { LineFieldsInput } from '../../utils/api/line-schema';

/** Today as YYYY-MM-DD in the buyer's time zone (the day the purchase is recorded). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Page lines → spend-ledger lines: only lines with a non-negative amount; the page's date
 * when it gives a full one, else today; USD only when nothing named a currency.
 */
export function toLedgerLines(lines: readonly LineFieldsInput[], now: Date): RecordLine[] {
  const today = localDate(now);
  return lines.flatMap((line) => {
    if (line.amount === undefined || line.amount < 0) return [];
    const record: RecordLine = {
      description: line.description,
      amount: line.amount,
      currency: line.currency ?? 'USD',
      date: line.date && /^\d{4}-\d{2}-\d{2}$/.test(line.date) ? line.date : today,
    };
    if (line.supplier) record.supplier = line.supplier;
    if (line.glAccount) record.glAccount = line.glAccount;
    if (line.quantity !== undefined && line.quantity >= 0) record.quantity = line.quantity;
    return [record];
  });
}
