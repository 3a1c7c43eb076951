import { formatKg } from '../utils/format';

interface Props {
  totalKg: number;
  estimated: number;
  lines: number;
}

/** Beside the page's own total: the sum of the estimated lines it covers. */
export function PageTotalBadge({ totalKg, estimated, lines }: Props) {
  const partial = estimated < lines ? ` (${estimated} of ${lines} lines)` : '';
  return (
    <span class="float">
      <span class="badge total" role="note" aria-label={`Spendprint total: ${formatKg(totalKg)} kilograms CO2e${partial}`}>
        Σ {formatKg(totalKg)} kg CO2e{partial}
      </span>
    </span>
  );
}
