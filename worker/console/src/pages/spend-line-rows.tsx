import type { EstimateResult, SpendLine } from '../api-types';
import { Formula } from '../components/formula';
import { formatCo2e, formatDate, formatMoney, formatPercent } from '../components/format';

const STATUS_LABEL: Record<string, string> = {
  estimated: 'estimated',
  classified: 'classified',
  unable: 'unable to estimate',
};

/** One spend line and, when opened, the formula behind its number in the row below. */
export function SpendLineRows({
  line,
  teamName,
  open,
  onToggle,
}: {
  line: SpendLine;
  teamName: string | undefined;
  open: boolean;
  onToggle: () => void;
}) {
  const formulaId = `formula-${line.id}`;
  return (
    <>
      <tr data-line-id={line.id}>
        <td class="nowrap">{formatDate(line.date)}</td>
        <td>{line.supplier ?? <span class="muted">—</span>}</td>
        <td>{teamName ?? <span class="muted">—</span>}</td>
        <td class="number">{formatMoney(line.amount, line.currency)}</td>
        <td class="number">
          {line.kgCO2e === null ? <span class="muted">—</span> : formatCo2e(line.kgCO2e)}
        </td>
        <td>
          {line.naics ?? <span class="muted">—</span>}
          {line.classificationSource === 'tenant-rule' && <span class="tag">rule</span>}
        </td>
        <td class="number">{formatPercent(line.confidence)}</td>
        <td>
          {STATUS_LABEL[line.status] ?? line.status}
          {line.needsReview && <span class="tag warn">needs review</span>}
        </td>
        <td>
          <button
            type="button"
            class="link-button"
            aria-expanded={open}
            aria-controls={formulaId}
            onClick={onToggle}
          >
            {open ? 'Hide formula' : 'Formula'}
          </button>
        </td>
      </tr>
      {open && (
        <tr class="formula-row" id={formulaId}>
          <td colSpan={9}>
            <Formula estimate={line.estimate as EstimateResult} />
          </td>
        </tr>
      )}
    </>
  );
}
