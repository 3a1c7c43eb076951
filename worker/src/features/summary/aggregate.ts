import { NAICS_SECTOR_TITLES, NAICS_SUBSECTOR_TITLES } from './naics-groups';
import { comparisonSpan, monthsOf, periodOfMonth, shiftPeriod, trendPeriods } from './periods';

export interface SummaryLine {
  month: string;
  naics: string | null;
  supplierKey: string;
  supplier: string | null;
  teamId: string | null;
  kgCO2e: number | null;
  amountUsd: number | null;
  confidence: number;
  calculationMethod: string | null;
  status: string;
  /** Only the report breaks spend down by GL account; the summary leaves it out. */
  glAccount?: string | null;
}

interface Totals {
  kgCO2e: number;
  spendUsd: number;
  lines: number;
}
interface Group extends Totals {
  key: string;
  label: string;
}

const round = (n: number) => Math.round(n * 100) / 100;
const TOP = 20;
const MOVERS = 5;

/** Manufacturing, trade and transportation span several 2-digit codes: one sector each. */
const SECTOR_RANGES: Record<string, string> = {
  '31': '31-33',
  '32': '31-33',
  '33': '31-33',
  '44': '44-45',
  '45': '44-45',
  '48': '48-49',
  '49': '48-49',
};
const sectorKey = (naics: string) => SECTOR_RANGES[naics.slice(0, 2)] ?? naics.slice(0, 2);
const UNCLASSIFIED = { key: 'unclassified', label: 'Not classified' };

function add(map: Map<string, Group>, key: string, label: string, line: SummaryLine) {
  const group = map.get(key) ?? { key, label, kgCO2e: 0, spendUsd: 0, lines: 0 };
  group.kgCO2e += line.kgCO2e ?? 0;
  group.spendUsd += line.amountUsd ?? 0;
  group.lines += 1;
  map.set(key, group);
}

function finish(map: Map<string, Group>, limit: number): Group[] {
  return [...map.values()]
    .map((g) => ({ ...g, kgCO2e: round(g.kgCO2e), spendUsd: round(g.spendUsd) }))
    .sort((a, b) => b.kgCO2e - a.kgCO2e || b.spendUsd - a.spendUsd)
    .slice(0, limit);
}

function totalsOf(lines: readonly SummaryLine[]): Totals {
  let kg = 0;
  let usd = 0;
  for (const l of lines) {
    kg += l.kgCO2e ?? 0;
    usd += l.amountUsd ?? 0;
  }
  return { kgCO2e: round(kg), spendUsd: round(usd), lines: lines.length };
}

export const confidenceBand = (l: SummaryLine) =>
  l.status === 'unable'
    ? 'unestimated'
    : l.confidence >= 0.8
      ? 'high (≥ 0.8)'
      : l.confidence >= 0.5
        ? 'medium (0.5–0.8)'
        : 'low (< 0.5)';

function shares(lines: readonly SummaryLine[], keyOf: (l: SummaryLine) => string) {
  const spend = new Map<string, number>();
  let total = 0;
  for (const l of lines) {
    const usd = l.amountUsd ?? 0;
    spend.set(keyOf(l), (spend.get(keyOf(l)) ?? 0) + usd);
    total += usd;
  }
  return [...spend.entries()]
    .map(([key, usd]) => ({ key, spendUsd: round(usd), share: total > 0 ? round(usd / total) : 0 }))
    .sort((a, b) => b.spendUsd - a.spendUsd);
}

function movers(
  current: readonly SummaryLine[],
  previous: readonly SummaryLine[],
  dimension: 'supplier' | 'category',
) {
  const keyOf = (l: SummaryLine) =>
    dimension === 'supplier' ? l.supplierKey || '(none)' : (l.naics?.slice(0, 3) ?? 'unclassified');
  const labelOf = (l: SummaryLine) =>
    dimension === 'supplier'
      ? (l.supplier ?? '(no supplier)')
      : l.naics
        ? (NAICS_SUBSECTOR_TITLES[l.naics.slice(0, 3)] ?? l.naics.slice(0, 3))
        : UNCLASSIFIED.label;
  const kg = new Map<string, { label: string; now: number; before: number }>();
  for (const [lines, field] of [
    [current, 'now'],
    [previous, 'before'],
  ] as const) {
    for (const l of lines) {
      const entry = kg.get(keyOf(l)) ?? { label: labelOf(l), now: 0, before: 0 };
      entry[field] += l.kgCO2e ?? 0;
      kg.set(keyOf(l), entry);
    }
  }
  return [...kg.entries()].map(([key, e]) => ({
    dimension,
    key,
    label: e.label,
    kgCO2e: round(e.now),
    previousKgCO2e: round(e.before),
    changeKgCO2e: round(e.now - e.before),
  }));
}

/**
 * One set of lines broken down: totals; NAICS sector (2-digit, with the 31-33 style ranges) and
 * subsector (3-digit); supplier; team; GL account; month (every month of `months`, empty ones
 * included); and data quality as shares of spend by confidence band and calculation method.
 * `limit` caps the long groupings (subsector, supplier, GL account); the report passes none.
 */
export function breakdown(
  lines: readonly SummaryLine[],
  options: { teamNames: ReadonlyMap<string, string>; months: readonly string[]; limit?: number },
) {
  const limit = options.limit ?? Infinity;
  const sector = new Map<string, Group>();
  const subsector = new Map<string, Group>();
  const supplier = new Map<string, Group>();
  const team = new Map<string, Group>();
  const glAccount = new Map<string, Group>();
  const month = new Map<string, Group>(
    options.months.map((m) => [m, { key: m, label: m, kgCO2e: 0, spendUsd: 0, lines: 0 }]),
  );
  for (const l of lines) {
    if (l.naics) {
      const s = sectorKey(l.naics);
      add(sector, s, NAICS_SECTOR_TITLES[s.slice(0, 2)] ?? s, l);
      const sub = l.naics.slice(0, 3);
      add(subsector, sub, NAICS_SUBSECTOR_TITLES[sub] ?? sub, l);
    } else {
      add(sector, UNCLASSIFIED.key, UNCLASSIFIED.label, l);
      add(subsector, UNCLASSIFIED.key, UNCLASSIFIED.label, l);
    }
    add(supplier, l.supplierKey || '(none)', l.supplier ?? '(no supplier)', l);
    add(
      team,
      l.teamId ?? '(none)',
      l.teamId ? (options.teamNames.get(l.teamId) ?? l.teamId) : 'No team',
      l,
    );
    add(glAccount, l.glAccount || '(none)', l.glAccount || 'No GL account', l);
    add(month, l.month, l.month, l);
  }
  return {
    totals: totalsOf(lines),
    byCategory: { sector: finish(sector, Infinity), subsector: finish(subsector, limit) },
    bySupplier: finish(supplier, limit),
    byTeam: finish(team, Infinity),
    byGlAccount: finish(glAccount, limit),
    byMonth: [...month.values()]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((g) => ({ ...g, kgCO2e: round(g.kgCO2e), spendUsd: round(g.spendUsd) })),
    dataQuality: {
      byConfidence: shares(lines, confidenceBand),
      byMethod: shares(lines, (l) =>
        l.status === 'unable' ? 'unestimated' : (l.calculationMethod ?? 'spend-based'),
      ),
    },
  };
}

/**
 * The summary of one period from the lines of its trend window (the period and the ones
 * before it): totals, groupings, trend, biggest movers against the previous period (its same
 * days only, while the period is in progress on `today`; see comparisonSpan), and data quality
 * as shares of spend.
 */
export function summarise(
  period: string,
  lines: readonly (SummaryLine & { date: string })[],
  teamNames: ReadonlyMap<string, string>,
  today: string,
) {
  const previousPeriod = shiftPeriod(period, -1);
  const comparedWith = comparisonSpan(period, today);
  const inPeriod = (p: string) => (l: SummaryLine) => periodOfMonth(l.month, period) === p;
  const current = lines.filter(inPeriod(period));
  const previous = lines.filter((l) => l.date >= comparedWith.from && l.date <= comparedWith.to);
  const { byGlAccount: _notInSummary, ...groups } = breakdown(current, {
    teamNames,
    months: monthsOf(period),
    limit: TOP,
  });

  const moved = [...movers(current, previous, 'supplier'), ...movers(current, previous, 'category')]
    .filter((m) => m.changeKgCO2e !== 0)
    .sort((a, b) => Math.abs(b.changeKgCO2e) - Math.abs(a.changeKgCO2e))
    .slice(0, MOVERS * 2);

  return {
    period,
    periodToDate: today.startsWith(period) ? today : null,
    previousPeriod,
    comparedWith,
    ...groups,
    trend: trendPeriods(period).map((p) => ({ period: p, ...totalsOf(lines.filter(inPeriod(p))) })),
    movers: moved,
  };
}
