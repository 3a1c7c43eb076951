import { api } from '../api';
import type { TeamList } from '../api-types';
import { useApi } from '../components/use-api';

export interface SummaryFilter {
  /** "YYYY-MM" or "YYYY"; empty: the current month. */
  period: string;
  team: string;
}

/** Month or whole year, and optionally one team. */
export function SummaryFilters({
  filter,
  shownPeriod,
  onChange,
}: {
  filter: SummaryFilter;
  shownPeriod: string | undefined;
  onChange: (filter: SummaryFilter) => void;
}) {
  const teams = useApi(() => api.get<TeamList>('/teams'));
  const period = filter.period || shownPeriod || new Date().toISOString().slice(0, 7);
  const yearly = period.length === 4;
  return (
    <form class="filters" onSubmit={(event) => event.preventDefault()}>
      <label for="summary-granularity">Period</label>
      <select
        id="summary-granularity"
        value={yearly ? 'year' : 'month'}
        onChange={(event) =>
          onChange({
            ...filter,
            period:
              event.currentTarget.value === 'year'
                ? period.slice(0, 4)
                : `${period.slice(0, 4)}-01`,
          })
        }
      >
        <option value="month">Month</option>
        <option value="year">Whole year</option>
      </select>
      {yearly ? (
        <input
          aria-label="Year"
          type="number"
          min="2000"
          max="2100"
          value={period}
          onChange={(event) => onChange({ ...filter, period: event.currentTarget.value })}
        />
      ) : (
        <input
          id="summary-period"
          aria-label="Month"
          type="month"
          value={period}
          onChange={(event) => onChange({ ...filter, period: event.currentTarget.value })}
        />
      )}
      <label for="summary-team">Team</label>
      <select
        id="summary-team"
        value={filter.team}
        onChange={(event) => onChange({ ...filter, team: event.currentTarget.value })}
      >
        <option value="">All teams you may see</option>
        {teams.data?.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </form>
  );
}
