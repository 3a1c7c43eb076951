import { formatKg } from '../../utils/format';
import type { SummaryRow, SummaryView as View } from '../../utils/summary-shape';
import { TrendChart } from './trend-chart';

function RowList({ title, rows }: { title: string; rows: SummaryRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{formatKg(row.kg)} kg</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SummaryView({ view }: { view: View }) {
  return (
    <>
      <p class="headline" data-testid="period-total">
        {view.totalKg === undefined ? 'No footprint yet for this period.' : `${formatKg(view.totalKg)} kg CO2e`}
      </p>
      {view.spend && (
        <p class="muted">
          on {view.spend.amount.toLocaleString('en-US', { maximumFractionDigits: 0 })} {view.spend.currency ?? ''} of spend
          {view.lineCount !== undefined ? ` · ${view.lineCount} line${view.lineCount === 1 ? '' : 's'}` : ''}
          {view.toDate ? ` · so far, to ${view.toDate}` : ''}
        </p>
      )}
      <TrendChart points={view.trend} toDate={view.toDate} />
      <RowList title="By category" rows={view.byCategory} />
      <RowList title="By supplier" rows={view.bySupplier} />
      {view.movers.length > 0 && (
        <section aria-label="Biggest movers">
          <h2>Biggest movers{view.comparedWith && ` against ${view.comparedWith.from} – ${view.comparedWith.to}`}</h2>
          <ul>
            {view.movers.map((mover) => (
              <li key={mover.label}>
                {mover.label}: {mover.deltaKg >= 0 ? '▲' : '▼'} {formatKg(Math.abs(mover.deltaKg))} kg
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
