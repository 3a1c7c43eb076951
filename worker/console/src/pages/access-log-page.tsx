import { useState } from 'preact/hooks';
import { api } from '../api';
import type { AccessLog } from '../api-types';
import { DataTable } from '../components/data-table';
import { formatDateTime, shortHash } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useApi } from '../components/use-api';
import { AccessLogFilters, NO_ACCESS_FILTER, type AccessFilter } from './access-log-filters';

const PAGE_SIZE = 50;

function queryOf(filter: AccessFilter, cursor: string | undefined): string {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/** Every credentialed API call of the tenant (13 months): who (by fingerprint), what, outcome. */
export function AccessLogPage() {
  const [filter, setFilter] = useState(NO_ACCESS_FILTER);
  // The cursors of the pages before this one, so "Previous page" can go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useApi(
    () => api.get<AccessLog>(`/access-log?${queryOf(filter, cursor)}`),
    [filter, cursor],
  );
  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">Access log</h1>
      <p class="muted">
        Each API call made with a session or API key of this tenant. Credentials appear only as
        fingerprints; entries are kept 13 months.
      </p>
      <AccessLogFilters
        onApply={(next) => {
          setFilter(next);
          setCursors([]);
        }}
      />
      <ProgressNote label={page.loading ? 'Loading the access log…' : undefined} />
      <ProblemMessage error={page.error} />
      {page.data && page.data.entries.length === 0 && <p>No calls match.</p>}
      {page.data && page.data.entries.length > 0 && (
        <DataTable
          caption="API calls, newest first"
          columns={['When', 'Call', 'Status', 'Role or scopes', 'Credential', 'Request id']}
        >
          {page.data.entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.at)}</td>
              <td>
                <code>
                  {entry.method} {entry.route}
                </code>
              </td>
              <td class={entry.status >= 400 ? 'status-bad' : undefined}>{entry.status}</td>
              <td>{entry.scope}</td>
              <td>
                <code title={entry.tokenFingerprint}>{shortHash(entry.tokenFingerprint)}</code>
              </td>
              <td class="muted">{entry.requestId}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <div class="pager">
        {cursors.length > 0 && (
          <button type="button" class="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
            Previous page
          </button>
        )}
        {page.data?.nextCursor && (
          <button
            type="button"
            class="secondary"
            onClick={() => setCursors([...cursors, page.data!.nextCursor!])}
          >
            Next page
          </button>
        )}
      </div>
    </section>
  );
}
