import { api } from '../api';
import type { TenantSettings } from '../api-types';
import { ConfirmButton } from '../components/confirm-button';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';
import { useApi } from '../components/use-api';

/** The opt-in to keep review text (off by default); turning it off erases what is kept. */
export function ReviewTextPanel() {
  const settings = useApi(() => api.get<TenantSettings>('/settings'));
  const action = useAction();

  async function keep(keepReviewText: boolean, label: string) {
    await action.run(label, () => api.patch('/settings', { keepReviewText }));
    settings.reload();
  }

  const state = settings.data;
  return (
    <section class="card" aria-labelledby="review-text-title">
      <h2 id="review-text-title">Review text</h2>
      <ProgressNote label={action.busy} />
      <ProblemMessage error={action.error ?? settings.error} />
      {state && !state.keepReviewText && (
        <>
          <p>
            Off: no line description is stored. Reviewers see supplier, GL account, amount,
            candidates and confidence.
          </p>
          <button
            type="button"
            disabled={!!action.busy}
            onClick={() => void keep(true, 'Turning review text on…')}
          >
            Keep review text for {state.reviewTextDays} days
          </button>
        </>
      )}
      {state?.keepReviewText && (
        <>
          <p>
            On: each new review item keeps its line description, encrypted under this tenant's key,
            until it is resolved or for at most {state.reviewTextDays} days.
          </p>
          <ConfirmButton
            label="Stop keeping review text"
            confirmLabel="Yes, erase all review text now"
            warning="Every description kept for review is erased at once; new review items keep none."
            danger
            disabled={!!action.busy}
            onConfirm={() => keep(false, 'Turning review text off…')}
          />
        </>
      )}
    </section>
  );
}
