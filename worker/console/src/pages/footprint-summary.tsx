import { formatCo2e } from '../components/format';

/** GET /api/v1/summary (shared/api/summary.ts), as far as the console relies on it. */
export interface SummaryGroup {
  key: string;
  label: string;
  kgCO2e: number;
  spendUsd: number;
  lines: number;
}
export interface Summary {
  period: string;
  previousPeriod: string;
  totals: { kgCO2e: number; spendUsd: number; lines: number };
  byCategory?: { sector?: SummaryGroup[]; subsector?: SummaryGroup[] };
  bySupplier?: SummaryGroup[];
  byTeam?: SummaryGroup[];
  trend?: { period: string; kgCO2e: number; spendUsd: number; lines: number }[];
  movers?: { dimension: string; key: string; label: string; changeKgCO2e: number }[];
  dataQuality?: { byConfidence?: { key: string; share: number }[] };
}

const usd = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });

export function FootprintSummary({ summary }: { summary: Summary }) {
  const { totals } = summary;
  const trend = (summary.trend ?? []).map((point) => ({
    key: point.period,
    label: point.period,
    kgCO2e: point.kgCO2e,
  }));
  return (
    <div class="summary">
      <div class="tiles tile-wide">
        <div class="tile">
          <span class="tile-label">Footprint, {summary.period}</span>
          <span class="tile-value" data-testid="footprint-total">
            {formatCo2e(totals.kgCO2e)}
          </span>
          <span class="muted">{totals.lines} lines</span>
        </div>
        <div class="tile">
          <span class="tile-label">Spend</span>
          <span class="tile-value">{usd.format(totals.spendUsd)}</span>
          <span class="muted">
            {totals.spendUsd > 0
              ? `${(totals.kgCO2e / totals.spendUsd).toFixed(2)} kg CO2e per USD`
              : 'no spend recorded'}
          </span>
        </div>
        <DataQuality shares={summary.dataQuality?.byConfidence ?? []} />
      </div>
      {totals.lines === 0 ? (
        <p class="card muted">No spend is recorded for {summary.period} yet.</p>
      ) : (
        <div class="columns">
          <Breakdown title="By category" rows={summary.byCategory?.sector ?? []} />
          <Breakdown title="By supplier" rows={summary.bySupplier ?? []} />
          <Breakdown title="By team" rows={summary.byTeam ?? []} />
          <Breakdown title="Trend" rows={trend} keepOrder />
        </div>
      )}
    </div>
  );
}

function DataQuality({ shares }: { shares: { key: string; share: number }[] }) {
  if (shares.length === 0) return null;
  return (
    <div class="tile">
      <span class="tile-label">Data quality (share of spend)</span>
      <ul class="plain-list compact">
        {shares.map((share) => (
          <li key={share.key}>
            {share.key}: {percent.format(share.share)}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Row {
  key: string;
  label: string;
  kgCO2e: number;
}

/** A bar list: each bar is an SVG rect (an inline style would be refused by the CSP). */
function Breakdown({
  title,
  rows,
  keepOrder,
}: {
  title: string;
  rows: Row[];
  keepOrder?: boolean;
}) {
  if (rows.length === 0) return null;
  const shown = (keepOrder ? rows : [...rows].sort((a, b) => b.kgCO2e - a.kgCO2e)).slice(0, 8);
  const max = Math.max(...shown.map((row) => row.kgCO2e), 1);
  return (
    <section class="card" aria-label={title}>
      <h2>{title}</h2>
      <ul class="bars">
        {shown.map((row) => (
          <li key={row.key}>
            <span class="bar-label" title={row.label}>
              {row.label}
            </span>
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect width={(100 * Math.max(row.kgCO2e, 0)) / max} height="10" />
            </svg>
            <span class="bar-value">{formatCo2e(row.kgCO2e)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
