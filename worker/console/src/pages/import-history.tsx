import type { ImportListBody } from '../../../../shared/api/imports';
import { api } from '../api';
import { DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';

const count = new Intl.NumberFormat('en');

/** The tenant's recent imports; `tick` reloads the list after an upload or a finished job. */
export function ImportHistory({ tick, onOpen }: { tick: number; onOpen: (id: string) => void }) {
  const list = useApi(() => api.get<ImportListBody>('/imports?limit=20'), [tick]);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Recent imports</h2>
      <ProblemMessage error={list.error} />
      {list.data && list.data.imports.length === 0 && <p class="muted">No imports yet.</p>}
      {list.data && list.data.imports.length > 0 && (
        <DataTable
          caption="Recent imports"
          columns={[
            'File',
            'Uploaded',
            'Status',
            'Rows',
            'Recorded',
            'Refused',
            { hidden: 'Details' },
          ]}
        >
          {list.data.imports.map((job) => (
            <tr key={job.id}>
              <td>{job.fileName ?? '—'}</td>
              <td>{formatDateTime(job.createdAt)}</td>
              <td>{job.status}</td>
              <td>{count.format(job.rowsTotal)}</td>
              <td>{count.format(job.recorded)}</td>
              <td>{count.format(job.rowsFailed)}</td>
              <td>
                <button type="button" class="secondary" onClick={() => onOpen(job.id)}>
                  Details
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
