import { useState } from 'preact/hooks';
import type { Report } from '../../../../shared/api/reports';
import { api } from '../api';
import { ProblemMessage } from '../components/problem-message';

/** Approve (comment optional) or reject (comment required) a submitted report. */
export function ReportDecisionForm({
  report,
  onDecided,
}: {
  report: Report;
  onDecided: (report: Report) => void;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function decide(action: 'approve' | 'reject') {
    setError(undefined);
    setBusy(true);
    try {
      const body = comment.trim() ? { comment: comment.trim() } : {};
      onDecided(
        await api.post<Report>(`/reports/${encodeURIComponent(report.id)}/${action}`, body),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="decision" aria-label="Decision" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="decision-comment">Comment</label>
        <textarea
          id="decision-comment"
          name="comment"
          rows={3}
          maxLength={2000}
          aria-describedby="decision-comment-hint"
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
        <p id="decision-comment-hint" class="hint">
          Optional when approving, required when rejecting. Approval makes the report final.
        </p>
      </div>
      <button type="button" disabled={busy} onClick={() => void decide('approve')}>
        Approve
      </button>{' '}
      <button
        type="button"
        class="danger"
        disabled={busy || comment.trim() === ''}
        onClick={() => void decide('reject')}
      >
        Reject
      </button>
      <ProblemMessage error={error} />
    </form>
  );
}
