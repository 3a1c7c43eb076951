/**
 * The content of a Scope 3 Category 1 report, computed from the spend lines of a period: the
 * figures every artefact (JSON, CSV, PDF) is rendered from. Pure, so the numbers can be checked
 * against hand-computed fixtures and benchmarked outside the Worker.
 */
import type { EstimateOk, EstimateResult } from '../../../../shared/api/estimates';
import type { PinnedFactorSet } from '../../db/schema';
import { breakdown, type SummaryLine } from '../summary/aggregate';
import { monthsBetween } from './period-months';

export const REPORT_FORMAT_ID = 'spendprint-report/v1';

/**
 * A report holds every line of its period, and the JSON artefact lists each one. The lines, the
 * content and the artefacts take about 3.7 KB of heap a line (npm run bench): at this cap about
 * 75 MB, inside a Worker's 128 MB. A longer period is answered with a clear problem (prepare
 * reports of shorter periods) rather than a failed isolate.
 */
export const MAX_REPORT_LINES = 20_000;

/** One stored spend line as the report reads it (the description is never stored). */
export interface ReportLineRow extends SummaryLine {
  id: string;
  date: string;
  glAccount: string | null;
  amount: number;
  currency: string;
  classificationSource: string | null;
  ruleVersion: number;
  estimate: unknown;
}

export interface ReportContext {
  reportId: string;
  version: number;
  supersedesId: string | null;
  tenant: { id: string; name: string };
  period: { id: string; name: string; startDate: string; endDate: string; status: string };
  preparedBy: { id: string; name: string };
  preparedAt: Date;
  /** The tenant's classification version at preparation. */
  ruleVersion: number;
  teamNames: ReadonlyMap<string, string>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** kg → t CO2e, to the kilogram (three decimals). */
export const toTonnes = (kg: number) => Math.round(kg) / 1000;

export const METHOD_NOTES = [
  'GHG Protocol Corporate Value Chain (Scope 3) Standard, Category 1 (purchased goods and services), spend-based method: each line is converted to 2022 US dollars (Federal Reserve H.10 exchange rates, BLS CPI-U deflation) and multiplied by the US EPA Supply Chain GHG Emission Factor (kg CO2e per 2022 USD, purchaser price, with margins) of its NAICS-6 commodity.',
  'Where the tenant holds a supplier-specific factor valid on the purchase date, it replaces the EPA factor for that supplier (hybrid method); such lines are counted under "supplier-specific".',
  'Lines that could not be estimated are listed individually and are not in the totals. Spend that could not be converted to USD counts as 0 in the USD figures.',
  "Each artefact's SHA-256 is shown with the report; the approval decision is recorded in the tenant's hash-chained audit log with these checksums.",
];

export const ESRS_DATAPOINT =
  'ESRS E1-6 (para. 51): gross Scope 3 GHG emissions, Category 1 purchased goods and services';

function naicsTitleOf(estimate: EstimateResult | undefined): string | null {
  if (!estimate) return null;
  if (estimate.status === 'unable') return estimate.classification?.naicsTitle ?? null;
  return estimate.naicsTitle;
}

function lineEntry(row: ReportLineRow, teamNames: ReadonlyMap<string, string>) {
  const estimate = row.estimate as EstimateResult | undefined;
  const ok = estimate && estimate.status !== 'unable' ? estimate : undefined;
  return {
    id: row.id,
    date: row.date,
    supplier: row.supplier,
    teamId: row.teamId,
    team: row.teamId ? (teamNames.get(row.teamId) ?? row.teamId) : null,
    glAccount: row.glAccount,
    amount: row.amount,
    currency: row.currency,
    amountUsd: row.amountUsd,
    status: row.status,
    naics: row.naics,
    naicsTitle: naicsTitleOf(estimate),
    classificationSource: row.classificationSource,
    calculationMethod: row.calculationMethod,
    confidence: row.confidence,
    factor: ok ? ok.factor : null,
    kgCO2e: row.kgCO2e,
    rule:
      ok?.rule ??
      (estimate?.status === 'unable' ? estimate.classification?.rule : undefined) ??
      null,
    supplierFactor: ok?.supplierFactor
      ? { id: ok.supplierFactor.id, version: ok.supplierFactor.version }
      : null,
    ruleVersion: row.ruleVersion,
    reasonCode:
      estimate?.status === 'unable'
        ? estimate.reasonCode
        : row.kgCO2e === null
          ? 'no-amount'
          : null,
    reason:
      estimate?.status === 'unable'
        ? estimate.reason
        : row.kgCO2e === null
          ? 'classified, but the line has no amount to price'
          : null,
  };
}
export type ReportLine = ReturnType<typeof lineEntry>;

interface FactorSetUse extends PinnedFactorSet {
  supplier?: string;
  source?: string;
  lines: number;
  spendUsd: number;
  kgCO2e: number;
}

/** The factor sets the estimated lines used, most emissions first. */
function factorSetsOf(lines: readonly ReportLine[], rows: readonly ReportLineRow[]) {
  const sets = new Map<string, FactorSetUse>();
  lines.forEach((line, i) => {
    if (!line.factor || line.kgCO2e === null) return;
    const estimate = rows[i]!.estimate as EstimateOk;
    const method =
      line.calculationMethod === 'supplier-specific' ? 'supplier-specific' : 'spend-based';
    const key = `${method}|${line.factor.dataset}|${line.factor.version}`;
    const set = sets.get(key) ?? {
      method,
      dataset: line.factor.dataset,
      version: line.factor.version,
      ...(estimate.supplierFactor
        ? { supplier: estimate.supplierFactor.supplier, source: estimate.supplierFactor.source }
        : {}),
      lines: 0,
      spendUsd: 0,
      kgCO2e: 0,
    };
    set.lines += 1;
    set.spendUsd += line.amountUsd ?? 0;
    set.kgCO2e += line.kgCO2e;
    sets.set(key, set);
  });
  return [...sets.values()]
    .map((s) => ({ ...s, spendUsd: round2(s.spendUsd), kgCO2e: round2(s.kgCO2e) }))
    .sort((a, b) => b.kgCO2e - a.kgCO2e || a.dataset.localeCompare(b.dataset));
}

function rulesAppliedOf(lines: readonly ReportLine[]) {
  const rules = new Map<string, { id: string; version: number; kind: string; lines: number }>();
  for (const { rule } of lines) {
    if (!rule) continue;
    const key = `${rule.id}@${rule.version}`;
    const entry = rules.get(key) ?? { ...rule, lines: 0 };
    entry.lines += 1;
    rules.set(key, entry);
  }
  return [...rules.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

function conversionSourcesOf(rows: readonly ReportLineRow[]) {
  const sources = new Set<string>();
  for (const row of rows) {
    const estimate = row.estimate as EstimateResult | undefined;
    if (!estimate || estimate.status === 'unable') continue;
    for (const step of estimate.steps) {
      if ((step.step === 'currency-rate' || step.step === 'deflator') && step.source) {
        sources.add(step.source);
      }
    }
  }
  return [...sources].sort();
}

/** The whole report content: the JSON artefact is exactly this, serialised. */
export function buildReportContent(context: ReportContext, rows: readonly ReportLineRow[]) {
  const ordered = [...rows].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
  const lines = ordered.map((row) => lineEntry(row, context.teamNames));
  const groups = breakdown(ordered, {
    teamNames: context.teamNames,
    months: monthsBetween(context.period.startDate, context.period.endDate),
  });
  const unestimated = lines.filter((l) => l.kgCO2e === null);
  const kgCO2e = groups.totals.kgCO2e;
  const tCO2e = toTonnes(kgCO2e);
  const lineRuleVersions = ordered.map((r) => r.ruleVersion);
  const factorSets = factorSetsOf(lines, ordered);
  return {
    format: REPORT_FORMAT_ID,
    report: {
      id: context.reportId,
      version: context.version,
      supersedesId: context.supersedesId,
      preparedAt: context.preparedAt.toISOString(),
      preparedBy: context.preparedBy,
    },
    tenant: context.tenant,
    period: context.period,
    scope: {
      standard: 'GHG Protocol Scope 3, Category 1: purchased goods and services',
      method: 'spend-based, with supplier-specific factors where the tenant has them',
      boundary: 'every spend line of the tenant dated within the period (all teams and sources)',
    },
    esrs: { datapoint: ESRS_DATAPOINT, value: tCO2e, unit: 't CO2e' },
    totals: {
      kgCO2e,
      tCO2e,
      spendUsd: groups.totals.spendUsd,
      lines: lines.length,
      estimatedLines: lines.length - unestimated.length,
      unestimatedLines: unestimated.length,
      unestimatedSpendUsd: round2(unestimated.reduce((s, l) => s + (l.amountUsd ?? 0), 0)),
      unconvertedLines: lines.filter((l) => l.amountUsd === null).length,
    },
    pinned: {
      ruleVersion: context.ruleVersion,
      lineRuleVersions: lineRuleVersions.length
        ? { min: Math.min(...lineRuleVersions), max: Math.max(...lineRuleVersions) }
        : null,
      factorSets,
      rulesApplied: rulesAppliedOf(lines),
      conversionSources: conversionSourcesOf(ordered),
    },
    byCategory: groups.byCategory,
    bySupplier: groups.bySupplier,
    byTeam: groups.byTeam,
    byGlAccount: groups.byGlAccount,
    byMonth: groups.byMonth,
    dataQuality: groups.dataQuality,
    unestimated,
    lines,
    notes: METHOD_NOTES,
  };
}
export type ReportContent = ReturnType<typeof buildReportContent>;

/** What the report row pins: the factor sets without their per-report usage figures. */
export function pinnedFactorSets(content: ReportContent): PinnedFactorSet[] {
  return content.pinned.factorSets.map(({ method, dataset, version }) => ({
    method,
    dataset,
    version,
  }));
}
