import { formatCo2e } from './format';

export interface TrendPoint {
  period: string;
  kgCO2e: number;
  lines: number;
}

const WIDTH = 600;
const HEIGHT = 220;
const TOP = 24;
const BOTTOM = 28;

/**
 * A column chart of the footprint per period, oldest first, the selected period highlighted
 * (and named "so far" while it is in progress, `toDate` set). SVG elements only (no inline
 * style); the figures are also in the accessible name.
 */
export function TrendChart({
  points,
  current,
  toDate,
}: {
  points: TrendPoint[];
  current: string;
  toDate?: string | null;
}) {
  const periodLabel = (period: string) =>
    toDate && period === current ? `${period} so far` : period;
  if (points.length === 0) return null;
  const max = Math.max(...points.map((p) => p.kgCO2e), 1);
  const slot = WIDTH / points.length;
  const barWidth = Math.min(slot * 0.6, 70);
  const plot = HEIGHT - TOP - BOTTOM;
  const description = points
    .map((p) => `${periodLabel(p.period)}: ${formatCo2e(p.kgCO2e)}`)
    .join('; ');
  return (
    <section class="card" aria-label="Trend">
      <h2>Trend</h2>
      <svg
        class="trend-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Footprint per period: ${description}`}
      >
        <line class="axis" x1="0" x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        {points.map((point, index) => {
          const height = (plot * Math.max(point.kgCO2e, 0)) / max;
          const x = index * slot + (slot - barWidth) / 2;
          const y = HEIGHT - BOTTOM - height;
          return (
            <g key={point.period} class={point.period === current ? 'column current' : 'column'}>
              <rect x={x} y={y} width={barWidth} height={height} />
              <text class="value" x={x + barWidth / 2} y={y - 6} text-anchor="middle">
                {point.lines > 0 ? formatCo2e(point.kgCO2e) : '—'}
              </text>
              <text class="period" x={x + barWidth / 2} y={HEIGHT - 8} text-anchor="middle">
                {periodLabel(point.period)}
              </text>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
