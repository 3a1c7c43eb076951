import type { LineFields } from '../line-items/line-item';

const finite = (value: number | undefined) => value === undefined || Number.isFinite(value);

/**
 * A cheap pre-check that mirrors utils/api/line-schema.ts, so one odd line is dropped instead
 * of the background refusing the whole batch. (The background still validates everything.)
 */
export function isSendableLine(fields: LineFields): boolean {
  const d = fields.description.trim();
  return (
    d.length > 0 &&
    d.length <= 300 &&
    finite(fields.amount) &&
    finite(fields.quantity) &&
    finite(fields.unitPrice) &&
    (fields.currency === undefined || /^[A-Z]{3}$/.test(fields.currency)) &&
    (fields.date === undefined || /^\d{4}-\d{2}-\d{2}$/.test(fields.date)) &&
    (fields.supplier === undefined || fields.supplier.length <= 120) &&
    (fields.glAccount === undefined || fields.glAccount.length <= 40) &&
    (fields.naics === undefined || /^\d{2,6}$/.test(fields.naics))
  );
}
