/**
 * Anomaly flags for newly recorded lines, against the supplier's recorded history: a category
 * the supplier is not usually classified in, an amount or emission intensity far outside its
 * usual range (robust z-score on logs: median and median absolute deviation, so a few earlier
 * outliers do not hide a new one), and a possible duplicate invoice (same supplier, date and
 * amount under another description). Each flag says why.
 */
import { desc, inArray } from 'drizzle-orm';
import { spendLines } from '../../db/schema';
import type { TenantDb } from '../../db/tenant-db';
import { median } from '../../../../shared/stats';

/** A supplier needs this much history before its "usual" means anything. */
export const MIN_HISTORY = 5;
/** |robust z| above this is "far outside" (Iglewicz and Hoaglin's 3.5). */
export const ROBUST_Z_LIMIT = 3.5;
/** Share of the history in one NAICS-3 sector that makes it the supplier's usual category. */
const USUAL_CATEGORY_SHARE = 0.8;
const HISTORY_PER_QUERY = 2000;
const KEYS_PER_QUERY = 90;

export interface LineForAnomalies {
  id: string;
  supplier: string | null;
  supplierKey: string;
  date: string;
  amount: number;
  amountUsd: number | null;
  naics: string | null;
  kgCO2e: number | null;
}

type History = Pick<LineForAnomalies, 'id' | 'date' | 'amount' | 'amountUsd' | 'naics' | 'kgCO2e'>;

/** Robust z-score of `value` among `sample` (both as natural logs); 0 when the spread is 0. */
export function robustZ(value: number, sample: readonly number[]): number {
  const m = median(sample);
  const mad = median(sample.map((v) => Math.abs(v - m)));
  return mad === 0 ? 0 : (value - m) / (1.4826 * mad);
}

function outlierReason(what: string, value: number, sample: readonly number[], unit: string) {
  const logs = sample.filter((v) => v > 0).map(Math.log);
  if (value <= 0 || logs.length < MIN_HISTORY) return null;
  const z = robustZ(Math.log(value), logs);
  if (Math.abs(z) <= ROBUST_Z_LIMIT) return null;
  const usual = Math.exp(median(logs));
  return `${what} ${value.toPrecision(3)} ${unit} is far ${z > 0 ? 'above' : 'below'} this supplier's usual ${usual.toPrecision(3)} ${unit} (robust z ${z.toFixed(1)})`;
}

function categoryReason(line: LineForAnomalies, history: readonly History[]) {
  const sectors = history.flatMap((h) => (h.naics ? [h.naics.slice(0, 3)] : []));
  if (!line.naics || sectors.length < MIN_HISTORY) return null;
  const counts = new Map<string, number>();
  for (const s of sectors) counts.set(s, (counts.get(s) ?? 0) + 1);
  const [usual, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (count / sectors.length < USUAL_CATEGORY_SHARE || line.naics.startsWith(usual)) return null;
  return `this supplier is usually classified in NAICS ${usual} (${count} of ${sectors.length} lines); this line in ${line.naics}`;
}

function duplicateReason(line: LineForAnomalies, history: readonly History[]) {
  const twin = history.find((h) => h.date === line.date && h.amount === line.amount);
  return twin
    ? `possible duplicate invoice: line ${twin.id} has the same supplier, date and amount`
    : null;
}

/** Why each line looks anomalous (lines with no flag are absent). */
export function anomalyReasons(
  lines: readonly LineForAnomalies[],
  historyBySupplier: ReadonlyMap<string, readonly History[]>,
): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const line of lines) {
    if (!line.supplier) continue;
    const history = historyBySupplier.get(line.supplierKey) ?? [];
    const amounts = history.flatMap((h) => (h.amountUsd ? [h.amountUsd] : []));
    const intensities = history.flatMap((h) =>
      h.kgCO2e && h.amountUsd ? [h.kgCO2e / h.amountUsd] : [],
    );
    const found = [
      duplicateReason(line, history),
      categoryReason(line, history),
      line.amountUsd ? outlierReason('amount', line.amountUsd, amounts, 'USD') : null,
      line.kgCO2e && line.amountUsd
        ? outlierReason('intensity', line.kgCO2e / line.amountUsd, intensities, 'kg CO2e/USD')
        : null,
    ].filter((reason): reason is string => reason !== null);
    if (found.length > 0) reasons.set(line.id, found.join('; '));
  }
  return reasons;
}

/** The latest recorded lines of these suppliers, by supplier key. */
export async function supplierHistory(db: TenantDb, supplierKeys: readonly string[]) {
  const history = new Map<string, History[]>();
  const keys = [...new Set(supplierKeys)].filter((key) => key !== '');
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const rows = await db
      .selectFields(
        spendLines,
        {
          id: spendLines.id,
          supplierKey: spendLines.supplierKey,
          date: spendLines.date,
          amount: spendLines.amount,
          amountUsd: spendLines.amountUsd,
          naics: spendLines.naics,
          kgCO2e: spendLines.kgCO2e,
        },
        inArray(spendLines.supplierKey, keys.slice(i, i + KEYS_PER_QUERY)),
      )
      .orderBy(desc(spendLines.date))
      .limit(HISTORY_PER_QUERY);
    for (const { supplierKey, ...row } of rows) {
      history.set(supplierKey, [...(history.get(supplierKey) ?? []), row]);
    }
  }
  return history;
}
