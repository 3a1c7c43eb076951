import { useEffect, useState } from 'preact/hooks';
import type { ImportDetailBody } from '../../../../shared/api/imports';
import { api } from '../api';
import { DataTable } from '../components/data-table';
import { ProblemMessage } from '../components/problem-message';

const ERRORS_PAGE = 25;
const POLL_MS = 1000;
const count = new Intl.NumberFormat('en');

const isActive = (status: string) => status === 'queued' || status === 'running';

/** One import's progress, polled while it runs, with its row errors page by page. */
export function ImportProgress({ id, onSettled }: { id: string; onSettled: () => void }) {
  const [detail, setDetail] = useState<ImportDetailBody>();
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    setOffset(0);
    setDetail(undefined);
  }, [id]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api.get<ImportDetailBody>(
          `/imports/${encodeURIComponent(id)}?errorsLimit=${ERRORS_PAGE}&errorsOffset=${offset}`,
        );
        if (!live) return;
        setDetail(next);
        setError(undefined);
        if (isActive(next.import.status)) timer = setTimeout(() => void load(), POLL_MS);
        else onSettled();
      } catch (caught) {
        if (live) setError(caught);
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, offset, tick]);

  async function resume() {
    setError(undefined);
    try {
      await api.post(`/imports/${encodeURIComponent(id)}/resume`);
      setTick((n) => n + 1);
    } catch (caught) {
      setError(caught);
    }
  }

  if (!detail) return <ProblemMessage error={error} />;
  const job = detail.import;
  const handled = job.rowsDone + job.rowsFailed;
  return (
    <div class="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Import of {job.fileName ?? 'a CSV file'}</h2>
      <p>
        Status: <strong data-testid="import-status">{job.status}</strong>
      </p>
      <progress aria-label="Import progress" max={Math.max(1, job.rowsTotal)} value={handled} />
      <p data-testid="import-counts">
        {count.format(handled)} of {count.format(job.rowsTotal)} rows · {count.format(job.recorded)}{' '}
        recorded · {count.format(job.duplicates)} duplicates · {count.format(job.rowsFailed)}{' '}
        refused
      </p>
      {job.failure && (
        <div class="problem" role="alert">
          <p>{job.failure}</p>
          <button type="button" onClick={() => void resume()}>
            Resume import
          </button>
        </div>
      )}
      <ProblemMessage error={error} />
      {detail.errors.listed > 0 && (
        <>
          <h3>Row errors</h3>
          <DataTable
            caption="Rows that were not imported"
            columns={['Row', 'Column', 'Problem', 'Value']}
          >
            {detail.errors.items.map((e) => (
              <tr key={`${e.row}-${e.field}`}>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{e.reason}</td>
                <td>
                  <code>{e.value ?? ''}</code>
                </td>
              </tr>
            ))}
          </DataTable>
          <div class="pager">
            <button
              type="button"
              class="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - ERRORS_PAGE))}
            >
              Previous
            </button>
            <span class="muted">
              {offset + 1}–{offset + detail.errors.items.length} of{' '}
              {count.format(detail.errors.listed)}
              {job.rowsFailed > detail.errors.listed ? ' listed' : ''}
            </span>
            <button
              type="button"
              class="secondary"
              disabled={detail.errors.nextOffset === null}
              onClick={() => setOffset(detail.errors.nextOffset ?? offset)}
            >
              Next
            </button>
          </div>
        </>
      )}
    </div>
  );
}
