/**
 * The Worker's summary shape is not fixed yet: read it defensively. Accepts the common
 * spellings (kgCO2e | kg | totalKg | value, name | title | label | supplier | naicsTitle …) and
 * ignores anything it does not understand, so a new field can never break the popup.
 */
export interface SummaryRow {
  label: string;
  kg: number;
}
export interface TrendPoint {
  period: string;
  kg: number;
}
export interface Mover {
  label: string;
  deltaKg: number;
}
export interface SummaryView {
  period?: string;
  /** Set while the period is in progress: its figures run to this date. */
  toDate?: string;
  /** The days of the previous period the movers compare with. */
  comparedWith?: { from: string; to: string };
  totalKg?: number;
  spend?: { amount: number; currency?: string };
  lineCount?: number;
  byCategory: SummaryRow[];
  bySupplier: SummaryRow[];
  trend: TrendPoint[];
  movers: Mover[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function firstNumber(object: Json, keys: string[]): number | undefined {
  for (const key of keys) {
    const direct = num(object[key]);
    if (direct !== undefined) return direct;
    const nested = object[key];
    if (isObject(nested)) {
      const inner = firstNumber(nested, ['kgCO2e', 'kg', 'totalKg', 'value']);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function firstString(object: Json, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 120);
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

const KG_KEYS = ['kgCO2e', 'kg', 'totalKg', 'totalKgCO2e', 'emissionsKg', 'value'];
const LABEL_KEYS = ['label', 'title', 'naicsTitle', 'name', 'supplier', 'category', 'naics', 'team', 'key'];

function rows(value: unknown): SummaryRow[] {
  const list = Array.isArray(value) ? value : isObject(value) ? Object.entries(value).map(([label, v]) => (isObject(v) ? { label, ...v } : { label, kg: v })) : [];
  return list
    .filter(isObject)
    .map((row) => ({ label: firstString(row, LABEL_KEYS) ?? '—', kg: firstNumber(row, KG_KEYS) }))
    .filter((row): row is SummaryRow => row.kg !== undefined)
    .sort((a, b) => b.kg - a.kg)
    .slice(0, 8);
}

export function normalizeSummary(raw: unknown): SummaryView {
  const root = isObject(raw) && isObject(raw.summary) ? raw.summary : raw;
  const view: SummaryView = { byCategory: [], bySupplier: [], trend: [], movers: [] };
  if (!isObject(root)) return view;
  const period = firstString(root, ['period']);
  if (period) view.period = period;
  const toDate = firstString(root, ['periodToDate']);
  if (toDate) view.toDate = toDate;
  if (isObject(root.comparedWith)) {
    const from = firstString(root.comparedWith, ['from']);
    const to = firstString(root.comparedWith, ['to']);
    if (from && to) view.comparedWith = { from, to };
  }
  const totalKg = firstNumber(root, ['totalKgCO2e', 'totalKg', 'kgCO2e', 'total', 'totals']);
  if (totalKg !== undefined) view.totalKg = totalKg;
  const totals = isObject(root.totals) ? root.totals : isObject(root.total) ? root.total : root;
  const spendAmount = firstNumber(totals, ['spendUsd', 'spend', 'amount', 'spendAmount']);
  if (spendAmount !== undefined) {
    const currency = firstString(totals, ['currency', 'spendCurrency']) ?? (totals.spendUsd !== undefined ? 'USD' : undefined);
    view.spend = { amount: spendAmount, ...(currency ? { currency } : {}) };
  }
  const lineCount = firstNumber(totals, ['lineCount', 'lines', 'count']);
  if (lineCount !== undefined) view.lineCount = lineCount;
  // shared/api/summary.ts: byCategory is {sector, subsector} (NAICS-2 and NAICS-3 groups).
  const categories = isObject(root.byCategory) && (Array.isArray(root.byCategory.subsector) || Array.isArray(root.byCategory.sector))
    ? (Array.isArray(root.byCategory.subsector) && root.byCategory.subsector.length > 0 ? root.byCategory.subsector : root.byCategory.sector)
    : (root.byCategory ?? root.categories);
  view.byCategory = rows(categories);
  view.bySupplier = rows(root.bySupplier ?? root.suppliers);
  const trend = Array.isArray(root.trend) ? root.trend : Array.isArray(root.byMonth) ? root.byMonth : [];
  view.trend = trend
    .filter(isObject)
    .map((point) => ({ period: firstString(point, ['period', 'month', 'label']) ?? '', kg: firstNumber(point, KG_KEYS) }))
    .filter((point): point is TrendPoint => point.kg !== undefined && point.period !== '')
    .slice(-12);
  const movers = Array.isArray(root.movers) ? root.movers : Array.isArray(root.biggestMovers) ? root.biggestMovers : [];
  view.movers = movers
    .filter(isObject)
    .map((mover) => ({ label: firstString(mover, LABEL_KEYS) ?? '—', deltaKg: firstNumber(mover, ['changeKgCO2e', 'deltaKg', 'deltaKgCO2e', 'change', 'delta', 'changeKg']) }))
    .filter((mover): mover is Mover => mover.deltaKg !== undefined)
    .slice(0, 5);
  return view;
}
