import { useState } from 'preact/hooks';
import { api } from '../api';
import type { SupplierFactor, SupplierFactorList } from '../api-types';
import { ConfirmButton } from '../components/confirm-button';
import { DataTable } from '../components/data-table';
import { formatDate, formatFigure } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';
import { useApi } from '../components/use-api';
import { SupplierFactorForm } from './supplier-factor-form';

/** Supplier-specific factors: they replace the spend-based factor for that supplier's lines. */
export function SupplierFactorsPage() {
  const factors = useApi(() => api.get<SupplierFactorList>('/supplier-factors'));
  const [editing, setEditing] = useState<string>();
  const action = useAction();

  async function remove(factor: SupplierFactor) {
    await action.run(`Removing the factor for ${factor.supplier}…`, () =>
      api.delete(`/supplier-factors/${encodeURIComponent(factor.id)}`),
    );
    factors.reload();
  }

  return (
    <section aria-labelledby="factors-title">
      <h1 id="factors-title">Supplier factors</h1>
      <p class="muted">
        A supplier factor (from the supplier's own disclosure) prices that supplier's lines instead
        of the spend-based EPA factor, within its validity dates.
      </p>
      <ProgressNote label={action.busy ?? (factors.loading ? 'Loading factors…' : undefined)} />
      <ProblemMessage error={action.error ?? factors.error} />
      {factors.data && factors.data.factors.length === 0 && <p>No supplier factors yet.</p>}
      {factors.data && factors.data.factors.length > 0 && (
        <DataTable
          caption="Supplier factors"
          columns={['Supplier', 'Factor', 'Valid', 'Source', 'Version', 'Actions']}
        >
          {factors.data.factors.map((factor) =>
            editing === factor.id ? (
              <tr key={factor.id}>
                <td colSpan={6}>
                  <SupplierFactorForm
                    factor={factor}
                    onSaved={() => {
                      setEditing(undefined);
                      factors.reload();
                    }}
                    onCancel={() => setEditing(undefined)}
                  />
                </td>
              </tr>
            ) : (
              <tr key={factor.id}>
                <td>{factor.supplier}</td>
                <td>
                  {factor.kgPerUsd !== null
                    ? `${formatFigure(factor.kgPerUsd)} kg CO2e / USD`
                    : `${formatFigure(factor.kgPerUnit ?? 0)} kg CO2e / ${factor.unit}`}
                </td>
                <td>
                  {formatDate(factor.validFrom)} –{' '}
                  {factor.validTo ? formatDate(factor.validTo) : 'open'}
                </td>
                <td>
                  {factor.source}
                  {factor.sourceDocument && <span class="muted"> ({factor.sourceDocument})</span>}
                </td>
                <td>v{factor.version}</td>
                <td class="actions">
                  <button type="button" class="secondary" onClick={() => setEditing(factor.id)}>
                    Edit
                  </button>
                  <ConfirmButton
                    label="Remove"
                    confirmLabel={`Yes, remove ${factor.supplier}'s factor`}
                    warning="Its lines fall back to the spend-based factor at their next estimate."
                    danger
                    onConfirm={() => remove(factor)}
                  />
                </td>
              </tr>
            ),
          )}
        </DataTable>
      )}
      <SupplierFactorForm onSaved={factors.reload} />
    </section>
  );
}
