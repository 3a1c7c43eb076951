import type { EngineIndex } from './index-types';

/** When the purchase happened: a month, or only a year. */
export type SpendPeriod = { year: number; month?: number };

export interface ConversionStep {
  currency: string;
  /** Currency units per US dollar (H.10 quotation); 1 for USD. */
  unitsPerUsd: number;
  /** US dollars per currency unit, the rate actually multiplied. */
  usdPerUnit: number;
  /** "YYYY-MM" for a monthly average, "YYYY" for an annual average, null for USD. */
  ratePeriod: string | null;
  rateSource: string | null;
  usd: number;
  /** CPI-U of the purchase period and of the 2022 base. */
  cpi: number;
  cpiPeriod: string;
  cpiBase2022: number;
  /** CPI(2022 average) / CPI(period): multiplies nominal USD into 2022 USD. */
  deflator: number;
  usd2022: number;
  /** A figure was carried forward past the latest published one, or bridged over a gap. */
  provisional: boolean;
  notes: string[];
}

export type ConversionResult = { ok: true; step: ConversionStep } | { ok: false; reason: string };

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const ymOf = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a period; undefined when malformed. */
export function parsePeriod(date: string): SpendPeriod | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > daysInMonth(year, month)) return undefined;
  }
  return { year, month };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian, by arithmetic: a Date per line cost more than the rest of parsing its date. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

interface Lookup {
  value: number;
  period: string;
  provisional: boolean;
  note?: string;
}

type LookupResult = Lookup | { error: string };

function lookupRate(index: EngineIndex, currency: string, period: SpendPeriod): LookupResult {
  const series = index.fx[currency];
  if (!series) return { error: `currency ${currency} is not in the Federal Reserve H.10 tables` };
  const name = `${currency} (H.10 ${series.country})`;
  if (period.month !== undefined) {
    const first = monthIndex(series.monthlyStart);
    const wanted = period.year * 12 + period.month - 1;
    const label = `${period.year}-${pad(period.month)}`;
    if (wanted < first) return { error: `no ${name} rate before ${series.monthlyStart} (asked ${label})` };
    const last = first + series.monthly.length - 1;
    if (wanted > last) {
      if (series.discontinued) return { error: `${name} series ended ${ymOf(last)} (replaced by the euro)` };
      return { value: series.monthly[last - first]!, period: ymOf(last), provisional: true, note: `rate for ${label} not yet published; latest month ${ymOf(last)} used` };
    }
    return { value: series.monthly[wanted - first]!, period: label, provisional: false };
  }
  const lastYear = series.yearlyStart + series.yearly.length - 1;
  if (period.year < series.yearlyStart) return { error: `no ${name} annual rate before ${series.yearlyStart} (asked ${period.year})` };
  if (period.year > lastYear) {
    if (series.discontinued) return { error: `${name} series ended ${lastYear} (replaced by the euro)` };
    return { value: series.yearly[series.yearly.length - 1]!, period: String(lastYear), provisional: true, note: `annual rate for ${period.year} not yet published; ${lastYear} used` };
  }
  return { value: series.yearly[period.year - series.yearlyStart]!, period: String(period.year), provisional: false };
}

function cpiAt(cpi: EngineIndex['cpi'], i: number): Lookup | undefined {
  const v = cpi.values[i];
  if (v != null) return { value: v, period: ymOf(monthIndex(cpi.start) + i), provisional: false };
  const before = cpi.values[i - 1];
  const after = cpi.values[i + 1];
  if (before == null || after == null) return undefined;
  const label = ymOf(monthIndex(cpi.start) + i);
  return { value: (before + after) / 2, period: label, provisional: true, note: `CPI-U for ${label} was not published; mean of the adjacent months used` };
}

function lookupCpi(index: EngineIndex, period: SpendPeriod): LookupResult {
  const { cpi } = index;
  const first = monthIndex(cpi.start);
  const last = first + cpi.values.length - 1;
  if (period.month !== undefined) {
    const wanted = period.year * 12 + period.month - 1;
    const label = `${period.year}-${pad(period.month)}`;
    if (wanted < first) return { error: `no CPI-U before ${cpi.start} (asked ${label})` };
    if (wanted > last) {
      return { value: cpi.values[last - first]!, period: ymOf(last), provisional: true, note: `CPI-U for ${label} not yet published; latest month ${ymOf(last)} used` };
    }
    return cpiAt(cpi, wanted - first) ?? { error: `CPI-U for ${label} unavailable` };
  }
  // Annual average of a complete calendar year; a year not yet complete uses the latest one.
  const lastCompleteYear = Math.floor((last + 1) / 12) - 1;
  const firstYear = Math.ceil(first / 12);
  if (period.year < firstYear) return { error: `no CPI-U before ${firstYear} (asked ${period.year})` };
  const year = Math.min(period.year, lastCompleteYear);
  let sum = 0;
  const bridged: string[] = [];
  for (let m = 0; m < 12; m++) {
    const hit = cpiAt(cpi, year * 12 + m - first);
    if (!hit) return { error: `CPI-U for ${year} unavailable` };
    if (hit.provisional) bridged.push(hit.period);
    sum += hit.value;
  }
  const notes: string[] = [];
  if (year !== period.year) notes.push(`CPI-U annual average for ${period.year} not yet complete; ${year} used`);
  if (bridged.length > 0) notes.push(`CPI-U for ${bridged.join(', ')} was not published; the ${year} average uses the mean of the adjacent months`);
  const result: Lookup = { value: sum / 12, period: String(year), provisional: notes.length > 0 };
  if (notes.length > 0) result.note = notes.join('; ');
  return result;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Converts `amount` of `currency` spent in `period` into 2022 US dollars: first into USD at
 * the H.10 average of that month (or year), then deflated with CPI-U to the 2022 annual
 * average. CPI-U is an economy-wide consumer index; EPA's own factors use producer-side price
 * indices per commodity, so this is an approximation (stated in every formula).
 */
/** The latest month with a published CPI-U: the period an undated purchase is priced at. */
export function latestPublishedMonth(index: EngineIndex): SpendPeriod {
  const last = monthIndex(index.cpi.start) + index.cpi.values.length - 1;
  return { year: Math.floor(last / 12), month: (last % 12) + 1 };
}

export function convertToUsd2022(
  index: EngineIndex,
  amount: number,
  currency: string,
  period: SpendPeriod,
): ConversionResult {
  if (!Number.isFinite(amount)) return { ok: false, reason: 'amount is not a finite number' };
  const code = currency.trim().toUpperCase();
  const notes: string[] = [];
  let unitsPerUsd = 1;
  let ratePeriod: string | null = null;
  let rateSource: string | null = null;
  let provisional = false;
  if (code !== 'USD') {
    const rate = lookupRate(index, code, period);
    if ('error' in rate) return { ok: false, reason: rate.error };
    unitsPerUsd = rate.value;
    ratePeriod = rate.period;
    rateSource = `Federal Reserve H.10 ${period.month === undefined ? 'annual' : 'monthly'} average, ${index.fx[code]!.country}${index.fx[code]!.yearlyDerived && period.month === undefined ? ' (from the monthly averages)' : ''}`;
    provisional ||= rate.provisional;
    if (rate.note) notes.push(rate.note);
  }
  const cpi = lookupCpi(index, period);
  if ('error' in cpi) return { ok: false, reason: cpi.error };
  provisional ||= cpi.provisional;
  if (cpi.note) notes.push(cpi.note);
  const usd = amount / unitsPerUsd;
  const deflator = index.cpi.base2022 / cpi.value;
  return {
    ok: true,
    step: {
      currency: code,
      unitsPerUsd,
      usdPerUnit: round(1 / unitsPerUsd, 6),
      ratePeriod,
      rateSource,
      usd: round(usd, 4),
      cpi: round(cpi.value, 4),
      cpiPeriod: cpi.period,
      cpiBase2022: index.cpi.base2022,
      deflator: round(deflator, 6),
      usd2022: round(usd * deflator, 4),
      provisional,
      notes,
    },
  };
}
