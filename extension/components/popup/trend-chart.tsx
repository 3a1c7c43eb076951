import { formatKg } from '../../utils/format';
import type { TrendPoint } from '../../utils/summary-shape';

/**
 * Bars for recent periods, with a text equivalent for screen readers. `toDate`: the last period
 * is still in progress, so its bar is lighter and says "so far".
 */
export function TrendChart({ points, toDate }: { points: TrendPoint[]; toDate?: string }) {
  if (points.length === 0) return null;
  const max = Math.max(...points.map((p) => p.kg), 1);
  const width = 280;
  const barWidth = width / points.length;
  const inProgress = (i: number) => toDate !== undefined && i === points.length - 1;
  const label = (p: TrendPoint, i: number) => `${p.period}${inProgress(i) ? ` so far (to ${toDate})` : ''}: ${formatKg(p.kg)} kg`;
  const description = points.map(label).join('; ');
  return (
    <figure class="trend">
      <svg width={width} height="70" role="img" aria-label={`Trend: ${description}`}>
        {points.map((point, i) => {
          const height = Math.max(2, (point.kg / max) * 56);
          return (
            <rect key={point.period} x={i * barWidth + 2} y={60 - height} width={Math.max(2, barWidth - 4)} height={height} fill={inProgress(i) ? '#8fbf9f' : '#1e6b3a'}>
              <title>{`${label(point, i)} CO2e`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        {points[0]!.period} – {points[points.length - 1]!.period}
      </figcaption>
    </figure>
  );
}
