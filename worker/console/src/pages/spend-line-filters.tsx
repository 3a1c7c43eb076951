import { useState } from 'preact/hooks';
import type { TeamList } from '../api-types';

export interface SpendFilter {
  period: string;
  team: string;
  supplier: string;
  status: string;
  needsReview: string;
}

export const NO_FILTER: SpendFilter = {
  period: '',
  team: '',
  supplier: '',
  status: '',
  needsReview: '',
};

/** Month or year, team, supplier, status and "needs review"; applied on submit. */
export function SpendLineFilters({
  filter,
  teams,
  onApply,
}: {
  filter: SpendFilter;
  teams: TeamList['teams'];
  onApply: (filter: SpendFilter) => void;
}) {
  const [draft, setDraft] = useState(filter);
  const bind = (name: keyof SpendFilter) => ({
    name,
    value: draft[name],
    onInput: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <form
      class="filters card"
      aria-label="Filter spend lines"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...draft, period: draft.period.trim(), supplier: draft.supplier.trim() });
      }}
    >
      <div class="field">
        <label for="spend-period">Period</label>
        <input
          id="spend-period"
          {...bind('period')}
          placeholder="YYYY-MM or YYYY"
          pattern="\d{4}(-(0[1-9]|1[0-2]))?"
        />
      </div>
      <div class="field">
        <label for="spend-team">Team</label>
        <select id="spend-team" {...bind('team')}>
          <option value="">Any team</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="spend-supplier">Supplier</label>
        <input id="spend-supplier" {...bind('supplier')} />
      </div>
      <div class="field">
        <label for="spend-status">Status</label>
        <select id="spend-status" {...bind('status')}>
          <option value="">Any status</option>
          <option value="estimated">Estimated</option>
          <option value="classified">Classified, no amount</option>
          <option value="unable">Unable to estimate</option>
        </select>
      </div>
      <div class="field">
        <label for="spend-review">Needs review</label>
        <select id="spend-review" {...bind('needsReview')}>
          <option value="">Either</option>
          <option value="true">Needs review</option>
          <option value="false">Reviewed or confident</option>
        </select>
      </div>
      <button type="submit">Apply filters</button>
    </form>
  );
}

export function spendQuery(filter: SpendFilter, offset: number, limit: number): string {
  const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  return query.toString();
}
