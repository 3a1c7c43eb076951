import { formatCo2e } from './format';

export interface BarRow {
  key: string;
  label: string;
  kgCO2e: number;
}

/** A titled bar list: each bar is an SVG rect (an inline style would be refused by the CSP). */
export function BarList({
  title,
  rows,
  keepOrder,
  limit = 8,
}: {
  title: string;
  rows: BarRow[];
  keepOrder?: boolean;
  limit?: number;
}) {
  if (rows.length === 0) return null;
  const shown = (keepOrder ? rows : [...rows].sort((a, b) => b.kgCO2e - a.kgCO2e)).slice(0, limit);
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
