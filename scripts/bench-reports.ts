/**
 * Report generation cost outside workerd (same V8, one core): computing the content and
 * rendering JSON, CSV and PDF for the demo tenant's year, then for the same lines repeated up to
 * the Worker's MAX_REPORT_LINES, with the artefact sizes and the heap growth (Workers allow
 * 128 MB per isolate). Encryption and I/O are not included; the Worker figure in bench-worker
 * times the whole POST /api/v1/reports.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { hashDescription } from '../worker/src/features/estimates/description-hash';
import {
  buildReportContent,
  MAX_REPORT_LINES,
  type ReportContext,
  type ReportLineRow,
} from '../worker/src/features/reports/report-content';
import { renderArtefacts } from '../worker/src/features/reports/report-render';
import {
  ACME,
  DEMO_RULES,
  DEMO_SUPPLIER_FACTOR,
  demoSpend,
  lastTwelveMonths,
} from './demo/demo-spend';

export interface ReportRun {
  lines: number;
  ms: number;
  heapMb: number;
  jsonKb: number;
  csvKb: number;
  pdfKb: number;
}

async function demoRows(now: Date): Promise<ReportLineRow[]> {
  const secret = 'bench-description-secret';
  const rules = await Promise.all(
    DEMO_RULES.map(async ({ text, ...r }) => ({
      ...r,
      match: r.kind === 'description-hash' ? await hashDescription(secret, ACME, text!) : r.match,
      enabled: true,
      version: 1,
    })),
  );
  const factor = DEMO_SUPPLIER_FACTOR(`${lastTwelveMonths(now)[0]}-01`);
  const lines = await demoSpend(secret, now, rules, factor);
  return lines.map((line) => line.row as unknown as ReportLineRow);
}

function contextFor(rows: readonly ReportLineRow[], now: Date): ReportContext {
  const months = lastTwelveMonths(now);
  const [y, m] = months.at(-1)!.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return {
    reportId: 'rpt_bench',
    version: 1,
    supersedesId: null,
    tenant: { id: ACME, name: 'Acme Manufacturing' },
    period: {
      id: 'prd_bench',
      name: 'Last twelve months',
      startDate: `${months[0]}-01`,
      endDate: lastDay,
      status: 'open',
    },
    preparedBy: { id: 'usr_analyst_acme_test', name: 'Ana Analyst' },
    preparedAt: now,
    ruleVersion: 6,
    teamNames: new Map([...new Set(rows.map((r) => r.teamId!))].map((id) => [id, id])),
  };
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap in use after a full collection: what is still referenced. */
function liveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/**
 * One report: `ms` of computing and rendering, `heapMb` what the lines, the content and the
 * artefacts hold together once built (a lower bound of the Worker's peak memory).
 */
async function run(makeRows: () => ReportLineRow[], context: ReportContext): Promise<ReportRun> {
  const heapBefore = liveHeap();
  const rows = makeRows();
  const start = performance.now();
  const content = buildReportContent(context, rows);
  const rendered = await renderArtefacts(content);
  const ms = performance.now() - start;
  const heapMb = (liveHeap() - heapBefore) / 2 ** 20;
  void [rows, content];
  return {
    lines: rows.length,
    ms: Math.round(ms),
    heapMb: Math.round(heapMb),
    jsonKb: Math.round(rendered.json.length / 1024),
    csvKb: Math.round(rendered.csv.length / 1024),
    pdfKb: Math.round(rendered.pdf.length / 1024),
  };
}

/** The demo lines repeated up to `count`, each a separate object as D1 would return it. */
function scaled(rows: readonly ReportLineRow[], count: number): ReportLineRow[] {
  return Array.from({ length: count }, (_, i) => ({
    ...structuredClone(rows[i % rows.length]!),
    id: `sl_${i}`,
  }));
}

export async function benchReports(): Promise<{ demo: ReportRun; scaled: ReportRun[] }> {
  const now = new Date();
  const rows = await demoRows(now);
  const context = contextFor(rows, now);
  const copy = () => rows.map((row) => structuredClone(row));
  await run(copy, context); // warm-up: JIT and pdf-lib's font metrics
  const demoRuns = [];
  for (let i = 0; i < 5; i++) demoRuns.push(await run(copy, context));
  demoRuns.sort((a, b) => a.ms - b.ms);
  const larger = [];
  for (const count of [10_000, MAX_REPORT_LINES]) {
    larger.push(await run(() => scaled(rows, count), context));
  }
  return { demo: demoRuns[2]!, scaled: larger };
}

if (process.argv[1]?.endsWith('bench-reports.ts')) {
  console.log(await benchReports());
}
