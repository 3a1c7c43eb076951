import { useState } from 'preact/hooks';
import { api } from '../api';
import type { ReviewPage as ReviewPageData } from '../api-types';
import { OffsetPager } from '../components/offset-pager';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useApi } from '../components/use-api';
import { ReviewItemCard } from './review-item-card';

const PAGE_SIZE = 10;

/** Low-confidence and unestimated lines, buyers' corrections and anomalies, to decide on. */
export function ReviewPage() {
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [offset, setOffset] = useState(0);
  const page = useApi(
    () => api.get<ReviewPageData>(`/review?status=${status}&limit=${PAGE_SIZE}&offset=${offset}`),
    [status, offset],
  );
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">Review queue</h1>
      <div class="toolbar" role="group" aria-label="Show">
        {(['open', 'resolved'] as const).map((value) => (
          <button
            key={value}
            type="button"
            class={status === value ? undefined : 'secondary'}
            aria-pressed={status === value}
            onClick={() => {
              setStatus(value);
              setOffset(0);
            }}
          >
            {value === 'open' ? 'Open' : 'Resolved'}
          </button>
        ))}
        {page.data && (
          <span class="muted">
            {page.data.total} {status} item{page.data.total === 1 ? '' : 's'}
          </span>
        )}
      </div>
      <ProgressNote label={page.loading ? 'Loading the queue…' : undefined} />
      <ProblemMessage error={page.error} />
      {page.data?.items.length === 0 && (
        <p class="card">{status === 'open' ? 'Nothing to review.' : 'Nothing resolved yet.'}</p>
      )}
      <ul class="review-list">
        {page.data?.items.map((item) => (
          <li key={item.id}>
            <ReviewItemCard item={item} onResolved={page.reload} />
          </li>
        ))}
      </ul>
      {page.data && (
        <OffsetPager
          offset={offset}
          shown={page.data.items.length}
          total={page.data.total}
          nextOffset={page.data.nextOffset}
          pageSize={PAGE_SIZE}
          onChange={setOffset}
        />
      )}
    </section>
  );
}
