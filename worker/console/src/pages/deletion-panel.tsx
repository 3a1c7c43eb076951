import { api } from '../api';
import type { DeletionRequest } from '../api-types';
import { ConfirmButton } from '../components/confirm-button';
import { Countdown } from '../components/countdown';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';
import { useApi } from '../components/use-api';

/** The tenant's deletion request: ask for it, watch the countdown, cancel within the window. */
export function DeletionPanel() {
  const request = useApi(() => api.get<DeletionRequest>('/governance/delete-request'));
  const action = useAction();

  async function change(path: string, label: string) {
    await action.run(label, () => api.post(path, {}));
    request.reload();
  }

  const state = request.data;
  return (
    <section class="card" aria-labelledby="deletion-title">
      <h2 id="deletion-title">Delete this tenant</h2>
      <ProgressNote label={action.busy} />
      <ProblemMessage error={action.error ?? request.error} />
      {state?.status === 'scheduled' && state.deletion_date && (
        <div class="warning-box" role="status">
          <p class="warning-text">
            <strong>Deletion is scheduled.</strong> Every row, stored object and key of this tenant
            will be destroyed in <Countdown until={state.deletion_date} /> (on{' '}
            {formatDateTime(state.deletion_date)}), unless the request is cancelled.
          </p>
          <p class="muted">Requested {state.requested_at && formatDateTime(state.requested_at)}.</p>
          <button
            type="button"
            disabled={!!action.busy}
            onClick={() => void change('/governance/delete-request/cancel', 'Cancelling…')}
          >
            Cancel the deletion request
          </button>
        </div>
      )}
      {state?.status === 'none' && (
        <>
          <p>
            Deletion starts a {state.retention_days}-day window in which it can be cancelled; then
            everything of the tenant is purged. Export first if you need the data.
          </p>
          <ConfirmButton
            label="Request deletion"
            confirmLabel={`Yes, delete this tenant in ${state.retention_days} days`}
            warning={`After ${state.retention_days} days every spend line, report, audit entry, user membership, stored object and key of this tenant is destroyed for good.`}
            danger
            disabled={!!action.busy}
            onConfirm={() => change('/governance/delete-request', 'Requesting deletion…')}
          />
        </>
      )}
      {state?.status === 'purged' && <p>The tenant's data has been purged.</p>}
    </section>
  );
}
