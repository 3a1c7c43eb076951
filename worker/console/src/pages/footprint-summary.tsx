import { formatCo2e } from '../components/format';

/** The summary's shape as far as the console relies on it; unknown breakdowns are skipped. */
export interface Summary {
  totalKgCo2e?: number;
  lineCount?: number;
  period?: { from?: string; to?: string } | string;
  [breakdown: string]: unknown;
}

interface Row {
  label: string;
  kgCo2e: number;
}

const BREAKDOWNS: [key: string, title: string][] = [
  ['byCategory', 'By category'],
  ['bySupplier', 'By supplier'],
  ['byTeam', 'By team'],
  ['byMonth', 'By month'],
];

function rowsOf(value: unknown): Row[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: Record<string, unknown>) => {
    const kgCo2e = Number(item.kgCo2e ?? item.totalKgCo2e);
    const label = item.label ?? item.title ?? item.name ?? item.supplier ?? item.month ?? item.key;
    return Number.isFinite(kgCo2e) && label != null ? [{ label: String(label), kgCo2e }] : [];
  });
}

export function FootprintSummary({ summary }: { summary: Summary }) {
  return (
    <div class="summary">
      <div class="tile tile-wide">
        <span class="tile-label">Footprint this period</span>
        <span class="tile-value" data-testid="footprint-total">
          {formatCo2e(summary.totalKgCo2e ?? 0)}
        </span>
        {summary.lineCount != null && <span class="muted">{summary.lineCount} lines</span>}
      </div>
      <div class="columns">
        {BREAKDOWNS.map(([key, title]) => {
          const rows = rowsOf(summary[key]);
          return rows.length > 0 ? <Breakdown key={key} title={title} rows={rows} /> : null;
        })}
      </div>
    </div>
  );
}

/** A bar list: the bar is an SVG rect (no inline style, which the CSP refuses). */
function Breakdown({ title, rows }: { title: string; rows: Row[] }) {
  const max = Math.max(...rows.map((row) => row.kgCo2e), 1);
  return (
    <section class="card" aria-label={title}>
      <h2>{title}</h2>
      <ul class="bars">
        {rows.slice(0, 10).map((row) => (
          <li key={row.label}>
            <span class="bar-label">{row.label}</span>
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect width={(100 * Math.max(row.kgCo2e, 0)) / max} height="10" />
            </svg>
            <span class="bar-value">{formatCo2e(row.kgCo2e)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
