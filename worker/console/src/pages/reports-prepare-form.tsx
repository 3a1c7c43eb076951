import { useState } from 'preact/hooks';
import type { Report } from '../../../../shared/api/reports';
import { api } from '../api';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';

interface Period {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: 'open' | 'signed-off';
}

/** Pick a defined period and prepare a draft: the Worker computes and stores the artefacts. */
export function ReportPrepareForm({ onPrepared }: { onPrepared: (report: Report) => void }) {
  const periods = useApi(() => api.get<{ periods: Period[] }>('/periods'));
  const [preparing, setPreparing] = useState(false);
  const [error, setError] = useState<unknown>();

  async function prepare(event: Event) {
    event.preventDefault();
    const periodId = new FormData(event.currentTarget as HTMLFormElement).get('periodId');
    setError(undefined);
    setPreparing(true);
    try {
      onPrepared(await api.post<Report>('/reports', { periodId: String(periodId ?? '') }));
    } catch (caught) {
      setError(caught);
    } finally {
      setPreparing(false);
    }
  }

  const list = periods.data?.periods ?? [];
  return (
    <form class="card" aria-labelledby="prepare-title" onSubmit={(e) => void prepare(e)}>
      <h2 id="prepare-title">Prepare a report</h2>
      {periods.data && list.length === 0 ? (
        <p class="muted">
          No periods are defined yet: an approver or admin defines them (<code>POST /periods</code>
          ).
        </p>
      ) : (
        <>
          <div class="field">
            <label for="report-period">Period</label>
            <select id="report-period" name="periodId" required>
              {list.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.name} ({period.startDate} to {period.endDate}
                  {period.status === 'signed-off' ? ', signed off' : ', open'})
                </option>
              ))}
            </select>
          </div>
          <p class="hint">
            The report covers every spend line dated in the period, computed now; its JSON, CSV and
            PDF are stored encrypted under your tenant&apos;s key.
          </p>
          <button type="submit" disabled={preparing || list.length === 0}>
            {preparing ? 'Preparing…' : 'Prepare draft'}
          </button>
          {preparing && (
            <p role="status" class="muted">
              Computing the report and rendering its files…
            </p>
          )}
        </>
      )}
      <ProblemMessage error={error ?? periods.error} />
    </form>
  );
}
