import type { ReportContent } from './report-content';
import { CONTENT_WIDTH, PdfWriter, type Column } from './pdf-writer';

const TOP_CATEGORIES = 10;
const TABLE_ROWS = 15;
const UNESTIMATED_ROWS = 40;

const usd = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;
const tonnes = (kg: number) =>
  (kg / 1000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

interface Group {
  label: string;
  spendUsd: number;
  kgCO2e: number;
  lines: number;
}

const GROUP_COLUMNS: Column[] = [
  { label: 'Name', width: CONTENT_WIDTH - 250 },
  { label: 'Lines', width: 50, align: 'right' },
  { label: 'Spend (USD)', width: 80, align: 'right' },
  { label: 't CO2e', width: 65, align: 'right' },
  { label: 'Share', width: 55, align: 'right' },
];

function groupTable(pdf: PdfWriter, title: string, groups: readonly Group[], totalKg: number) {
  pdf.heading(title);
  const shown = groups.slice(0, TABLE_ROWS);
  pdf.table(
    GROUP_COLUMNS,
    shown.map((g) => [
      g.label,
      String(g.lines),
      usd(g.spendUsd),
      tonnes(g.kgCO2e),
      totalKg > 0 ? percent(g.kgCO2e / totalKg) : '-',
    ]),
  );
  if (groups.length > shown.length) {
    pdf.line(`... and ${groups.length - shown.length} more in the JSON and CSV artefacts.`, {
      size: 8,
    });
  }
}

function coverPage(pdf: PdfWriter, content: ReportContent) {
  const { report, period, totals } = content;
  pdf.line('Scope 3 Category 1 - Purchased goods and services', { size: 18, bold: true });
  pdf.line(`${content.tenant.name} - ${period.name} (${period.startDate} to ${period.endDate})`, {
    size: 12,
  });
  pdf.space(4);
  const supersedes = report.supersedesId ? `, corrects ${report.supersedesId}` : '';
  pdf.line(`Report ${report.id}, version ${report.version}${supersedes}`, { size: 8.5 });
  pdf.line(`Prepared by ${report.preparedBy.name} at ${report.preparedAt}`, { size: 8.5 });
  pdf.line(
    `Period ${period.status === 'signed-off' ? 'signed off' : 'open'} when prepared; tenant rule version ${content.pinned.ruleVersion}`,
    { size: 8.5 },
  );
  pdf.space(6);
  const supplierShare =
    content.dataQuality.byMethod.find((m) => m.key === 'supplier-specific')?.share ?? 0;
  pdf.figures([
    { label: 'Gross Scope 3 Cat. 1 (ESRS E1-6)', value: `${tonnes(totals.kgCO2e)} t CO2e` },
    { label: 'Spend (USD)', value: usd(totals.spendUsd) },
    { label: 'Lines (not estimated)', value: `${totals.lines} (${totals.unestimatedLines})` },
    { label: 'Supplier-specific spend', value: percent(supplierShare) },
  ]);

  pdf.heading(`Top ${TOP_CATEGORIES} categories (NAICS 3-digit), t CO2e`);
  const top = content.byCategory.subsector.filter((g) => g.kgCO2e > 0).slice(0, TOP_CATEGORIES);
  if (top.length === 0) pdf.line('No estimated emissions in this period.', { size: 9 });
  else
    pdf.barChart(
      top.map((g) => ({
        label: `${g.key} ${g.label}`,
        value: g.kgCO2e,
        display: tonnes(g.kgCO2e),
      })),
    );

  pdf.heading('Monthly trend, t CO2e');
  pdf.lineChart(
    content.byMonth.map((m) => ({ label: m.key.slice(2), value: m.kgCO2e })),
    { height: 150, axisLabel: tonnes },
  );
}

function qualitySection(pdf: PdfWriter, content: ReportContent) {
  pdf.heading('Data quality (share of spend)');
  const columns: Column[] = [
    { label: 'Band or method', width: CONTENT_WIDTH - 160 },
    { label: 'Spend (USD)', width: 90, align: 'right' },
    { label: 'Share', width: 70, align: 'right' },
  ];
  const rows = [
    ...content.dataQuality.byConfidence.map((q) => [
      `Confidence ${q.key}`,
      usd(q.spendUsd),
      percent(q.share),
    ]),
    ...content.dataQuality.byMethod.map((q) => [
      `Method ${q.key}`,
      usd(q.spendUsd),
      percent(q.share),
    ]),
  ];
  pdf.table(columns, rows);
}

function factorSection(pdf: PdfWriter, content: ReportContent) {
  pdf.heading('Factor datasets and versions used');
  pdf.table(
    [
      { label: 'Method', width: 95 },
      { label: 'Dataset', width: CONTENT_WIDTH - 275 },
      { label: 'Version', width: 50 },
      { label: 'Lines', width: 50, align: 'right' },
      { label: 't CO2e', width: 80, align: 'right' },
    ],
    content.pinned.factorSets.map((f) => [
      f.method,
      f.supplier ? `${f.dataset} (${f.supplier}; ${f.source})` : f.dataset,
      f.version,
      String(f.lines),
      tonnes(f.kgCO2e),
    ]),
  );
  for (const source of content.pinned.conversionSources) pdf.paragraph(`Conversion: ${source}`, 8);
}

function unestimatedSection(pdf: PdfWriter, content: ReportContent) {
  pdf.heading(`Lines that could not be estimated (${content.unestimated.length})`);
  if (content.unestimated.length === 0) {
    pdf.line('Every line of the period was estimated.', { size: 9 });
    return;
  }
  const shown = content.unestimated.slice(0, UNESTIMATED_ROWS);
  pdf.table(
    [
      { label: 'Date', width: 62 },
      { label: 'Supplier', width: 120 },
      { label: 'Amount', width: 80, align: 'right' },
      { label: 'Reason', width: CONTENT_WIDTH - 262 },
    ],
    shown.map((l) => [
      l.date,
      l.supplier ?? '',
      `${l.amount.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${l.currency}`,
      l.reason ?? '',
    ]),
  );
  if (content.unestimated.length > shown.length) {
    pdf.line(
      `... and ${content.unestimated.length - shown.length} more in the JSON and CSV artefacts.`,
      { size: 8 },
    );
  }
}

/** The PDF artefact: cover with key figures and both charts, then the breakdowns and notes. */
export async function renderReportPdf(content: ReportContent): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Scope 3 Category 1 report - ${content.period.name} (v${content.report.version})`,
    subject: content.esrs.datapoint,
    at: new Date(content.report.preparedAt),
  });
  coverPage(pdf, content);
  const kg = content.totals.kgCO2e;
  groupTable(pdf, 'By sector (NAICS 2-digit)', content.byCategory.sector, kg);
  groupTable(pdf, 'By subsector (NAICS 3-digit)', content.byCategory.subsector, kg);
  groupTable(pdf, 'By supplier', content.bySupplier, kg);
  groupTable(pdf, 'By team', content.byTeam, kg);
  groupTable(pdf, 'By GL account', content.byGlAccount, kg);
  groupTable(
    pdf,
    'By month',
    content.byMonth.map((m) => ({ ...m, label: m.key })),
    kg,
  );
  qualitySection(pdf, content);
  factorSection(pdf, content);
  unestimatedSection(pdf, content);
  pdf.heading('Method');
  for (const note of content.notes) {
    pdf.paragraph(note);
    pdf.space(3);
  }
  return pdf.finish(
    `Spendprint report ${content.report.id} v${content.report.version} - ${content.period.name}`,
  );
}
