import { api } from '../api';
import type { SupplierFactor } from '../api-types';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
const optional = (value: string) => (value ? value : undefined);

/** The API body from the form: per USD or per unit, empty fields left out. */
function bodyOf(data: FormData) {
  const basis = text(data, 'basis');
  const value = Number(text(data, 'value'));
  return {
    supplier: text(data, 'supplier'),
    ...(basis === 'usd'
      ? { kgPerUsd: value }
      : { kgPerUnit: value, unit: optional(text(data, 'unit')) }),
    validFrom: text(data, 'validFrom'),
    validTo: optional(text(data, 'validTo')),
    source: text(data, 'source'),
    sourceDocument: optional(text(data, 'sourceDocument')),
  };
}

/** Create a factor, or (with `factor`) replace its fields as the next version. */
export function SupplierFactorForm({
  factor,
  onSaved,
  onCancel,
}: {
  factor?: SupplierFactor;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const action = useAction();
  const prefix = factor ? `factor-${factor.id}` : 'new-factor';
  const ids = (name: string) => ({ name, id: `${prefix}-${name}` });

  async function save(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = bodyOf(new FormData(form));
    const saved = await action.run('Saving…', () =>
      factor
        ? api.put<SupplierFactor>(`/supplier-factors/${encodeURIComponent(factor.id)}`, body)
        : api.post<SupplierFactor>('/supplier-factors', body),
    );
    if (!saved) return;
    if (!factor) form.reset();
    onSaved();
  }

  const perUnit = factor?.kgPerUnit !== null && factor?.kgPerUnit !== undefined;
  return (
    <form
      class={factor ? 'factor-form' : 'card factor-form'}
      aria-label={factor ? `Edit factor for ${factor.supplier}` : 'New supplier factor'}
      onSubmit={(e) => void save(e)}
    >
      {!factor && <h2>New supplier factor</h2>}
      <div class="form-grid">
        <Field label="Supplier" {...ids('supplier')} required defaultValue={factor?.supplier} />
        <div class="field">
          <label for={`${prefix}-basis`}>Factor per</label>
          <select id={`${prefix}-basis`} name="basis" defaultValue={perUnit ? 'unit' : 'usd'}>
            <option value="usd">USD spent (kg CO2e / USD)</option>
            <option value="unit">unit bought (kg CO2e / unit)</option>
          </select>
        </div>
        <Field
          label="kg CO2e"
          {...ids('value')}
          type="number"
          step="any"
          min="0"
          required
          defaultValue={String(factor?.kgPerUsd ?? factor?.kgPerUnit ?? '')}
        />
        <Field label="Unit (per-unit factors)" {...ids('unit')} defaultValue={factor?.unit ?? ''} />
        <Field
          label="Valid from"
          {...ids('validFrom')}
          type="date"
          required
          defaultValue={factor?.validFrom}
        />
        <Field
          label="Valid to"
          {...ids('validTo')}
          type="date"
          defaultValue={factor?.validTo ?? ''}
        />
        <Field
          label="Source"
          {...ids('source')}
          required
          hint="e.g. the supplier's product carbon footprint, 2024"
          defaultValue={factor?.source}
        />
        <Field
          label="Source document"
          {...ids('sourceDocument')}
          defaultValue={factor?.sourceDocument ?? ''}
        />
      </div>
      <div class="toolbar">
        <button type="submit" disabled={!!action.busy}>
          {factor ? `Save as version ${factor.version + 1}` : 'Add factor'}
        </button>
        {onCancel && (
          <button type="button" class="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <ProblemMessage error={action.error} />
    </form>
  );
}
