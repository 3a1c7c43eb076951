import { useState } from 'preact/hooks';
import { api } from '../api';
import type { SpendLinePage, TeamList } from '../api-types';
import { DataTable } from '../components/data-table';
import { OffsetPager } from '../components/offset-pager';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useApi } from '../components/use-api';
import { NO_FILTER, SpendLineFilters, spendQuery, type SpendFilter } from './spend-line-filters';
import { SpendLineRows } from './spend-line-rows';

const PAGE_SIZE = 25;

/** Recorded spend lines (what the role may see), filtered, with the formula behind each number. */
export function SpendLinesPage() {
  const [filter, setFilter] = useState<SpendFilter>(NO_FILTER);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string>();
  const teams = useApi(() => api.get<TeamList>('/teams'));
  const page = useApi(
    () => api.get<SpendLinePage>(`/spend/lines?${spendQuery(filter, offset, PAGE_SIZE)}`),
    [filter, offset],
  );
  const teamNames = new Map(teams.data?.teams.map((team) => [team.id, team.name]));

  return (
    <section aria-labelledby="spend-title">
      <h1 id="spend-title">Spend lines</h1>
      <p class="muted">
        Descriptions are never stored: each line keeps its supplier, amount, classification and the
        formula of its estimate.
      </p>
      <SpendLineFilters
        filter={filter}
        teams={teams.data?.teams ?? []}
        onApply={(next) => {
          setFilter(next);
          setOffset(0);
        }}
      />
      <ProgressNote label={page.loading ? 'Loading spend lines…' : undefined} />
      <ProblemMessage error={page.error ?? teams.error} />
      {page.data && page.data.lines.length === 0 && <p>No spend lines match.</p>}
      {page.data && page.data.lines.length > 0 && (
        <DataTable
          caption="Spend lines, newest first"
          columns={[
            'Date',
            'Supplier',
            'Team',
            'Amount',
            'kg CO2e',
            'NAICS',
            'Confidence',
            'Status',
            'Why',
          ]}
        >
          {page.data.lines.map((line) => (
            <SpendLineRows
              key={line.id}
              line={line}
              teamName={line.teamId ? teamNames.get(line.teamId) : undefined}
              open={open === line.id}
              onToggle={() => setOpen(open === line.id ? undefined : line.id)}
            />
          ))}
        </DataTable>
      )}
      {page.data && (
        <OffsetPager
          offset={offset}
          shown={page.data.lines.length}
          total={page.data.total}
          nextOffset={page.data.nextOffset}
          pageSize={PAGE_SIZE}
          onChange={setOffset}
        />
      )}
    </section>
  );
}
