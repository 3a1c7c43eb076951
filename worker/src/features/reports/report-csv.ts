import { csvCell } from '../audit/export-format';
import type { ReportContent } from './report-content';

const COLUMNS = [
  'record',
  'id',
  'date',
  'supplier',
  'team',
  'gl_account',
  'amount',
  'currency',
  'amount_usd',
  'status',
  'naics',
  'naics_title',
  'calculation_method',
  'classification_source',
  'confidence',
  'factor_value',
  'factor_unit',
  'factor_dataset',
  'factor_version',
  'kg_co2e',
  't_co2e',
  'lines',
  'reason',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

/** Text goes through the audit export's formula neutralisation; numbers are written plainly. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : csvCell(value);
}

function lineRows(content: ReportContent): Row[] {
  return content.lines.map((l) => ({
    record: 'line',
    id: l.id,
    date: l.date,
    supplier: l.supplier,
    team: l.team,
    gl_account: l.glAccount,
    amount: l.amount,
    currency: l.currency,
    amount_usd: l.amountUsd,
    status: l.kgCO2e === null ? 'unestimated' : l.status,
    naics: l.naics,
    naics_title: l.naicsTitle,
    calculation_method: l.calculationMethod,
    classification_source: l.classificationSource,
    confidence: l.confidence,
    factor_value: l.factor?.value,
    factor_unit: l.factor?.unit,
    factor_dataset: l.factor?.dataset,
    factor_version: l.factor?.version,
    kg_co2e: l.kgCO2e,
    reason: l.reason,
  }));
}

function totalRows(content: ReportContent): Row[] {
  const t = content.totals;
  return [
    {
      record: 'total',
      id: 'all-lines',
      amount_usd: t.spendUsd,
      kg_co2e: t.kgCO2e,
      t_co2e: t.tCO2e,
      lines: t.lines,
      reason: content.esrs.datapoint,
    },
    { record: 'total', id: 'estimated-lines', lines: t.estimatedLines },
    {
      record: 'total',
      id: 'unestimated-lines',
      amount_usd: t.unestimatedSpendUsd,
      lines: t.unestimatedLines,
      reason: 'listed above with status "unestimated"; not in the totals',
    },
    ...content.byMonth.map((m) => ({
      record: 'month-total',
      id: m.key,
      amount_usd: m.spendUsd,
      kg_co2e: m.kgCO2e,
      lines: m.lines,
    })),
  ];
}

/** Every line of the report, then the period totals and the monthly totals, RFC 4180 (CRLF). */
export function renderReportCsv(content: ReportContent): string {
  const rows = [...lineRows(content), ...totalRows(content)];
  const body = rows.map((row) => COLUMNS.map((column) => cell(row[column])).join(','));
  return [COLUMNS.join(','), ...body].join('\r\n') + '\r\n';
}
