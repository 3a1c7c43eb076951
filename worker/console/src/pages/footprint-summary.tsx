import type { Summary } from '../api-types';
import { BarList } from '../components/bar-list';
import { formatCo2e, formatUsd } from '../components/format';
import { ShareBar } from '../components/share-bar';
import { TrendChart } from '../components/trend-chart';

/** A period's footprint: totals, data quality, breakdowns, the trend and the biggest movers. */
export function FootprintSummary({ summary }: { summary: Summary }) {
  const { totals } = summary;
  const yearly = summary.period.length === 4;
  return (
    <div class="summary">
      <div class="tiles tile-wide">
        <div class="tile">
          <span class="tile-label">
            Footprint, {summary.period}
            {summary.periodToDate && ' so far'}
          </span>
          <span class="tile-value" data-testid="footprint-total">
            {formatCo2e(totals.kgCO2e)}
          </span>
          <span class="muted">
            {totals.lines} {totals.lines === 1 ? 'line' : 'lines'}
            {summary.periodToDate && `, to ${summary.periodToDate}`}
          </span>
        </div>
        <div class="tile">
          <span class="tile-label">Spend</span>
          <span class="tile-value">{formatUsd(totals.spendUsd)}</span>
          <span class="muted">
            {totals.spendUsd > 0
              ? `${(totals.kgCO2e / totals.spendUsd).toFixed(2)} kg CO2e per USD`
              : 'no spend recorded'}
          </span>
        </div>
        <section class="tile" aria-label="Data quality">
          <span class="tile-label">Data quality (share of spend)</span>
          <ShareBar label="Classification confidence" shares={summary.dataQuality.byConfidence} />
          <ShareBar label="Calculation method" shares={summary.dataQuality.byMethod} />
          {summary.dataQuality.byConfidence.length === 0 && <span class="muted">no lines</span>}
        </section>
      </div>
      <TrendChart
        points={summary.trend.map((p) => ({ period: p.period, kgCO2e: p.kgCO2e, lines: p.lines }))}
        current={summary.period}
        toDate={summary.periodToDate}
      />
      {totals.lines === 0 ? (
        <p class="card muted">No spend is recorded for {summary.period} yet.</p>
      ) : (
        <div class="columns">
          <BarList title="By category" rows={summary.byCategory.sector} />
          <BarList title="By subsector" rows={summary.byCategory.subsector} />
          <BarList title="By supplier" rows={summary.bySupplier} />
          <BarList title="By team" rows={summary.byTeam} />
          {yearly && <BarList title="By month" rows={summary.byMonth} keepOrder limit={12} />}
          <Movers summary={summary} />
        </div>
      )}
    </div>
  );
}

function Movers({ summary }: { summary: Summary }) {
  if (summary.movers.length === 0) return null;
  return (
    <section class="card" aria-label="Biggest movers">
      <h2>
        Biggest movers against {summary.comparedWith.from} – {summary.comparedWith.to}
      </h2>
      <ul class="plain-list movers">
        {summary.movers.map((mover) => (
          <li key={`${mover.dimension}:${mover.key}`}>
            <span class={mover.changeKgCO2e > 0 ? 'up' : 'down'}>
              {mover.changeKgCO2e > 0 ? '▲' : '▼'} {formatCo2e(Math.abs(mover.changeKgCO2e))}
            </span>{' '}
            {mover.label} <span class="muted">({mover.dimension})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
