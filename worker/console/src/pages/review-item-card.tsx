import { useState } from 'preact/hooks';
import type { ReviewItem } from '../api-types';
import { formatDateTime, formatMoney, formatPercent } from '../components/format';
import { ResolveForm } from './resolve-form';

const KIND_LABEL: Record<ReviewItem['kind'], string> = {
  'low-confidence': 'Low confidence',
  unable: 'Unable to estimate',
  correction: "A buyer's correction",
  anomaly: 'Anomaly',
};

/**
 * What the reviewer knows about a line (its text only where the tenant keeps review text) and,
 * when opened, the decision form.
 */
export function ReviewItemCard({ item, onResolved }: { item: ReviewItem; onResolved: () => void }) {
  const [open, setOpen] = useState(false);
  const title = `${item.supplier ?? 'Unknown supplier'}${item.amount !== null && item.currency ? `, ${formatMoney(item.amount, item.currency)}` : ''}`;
  return (
    <article class="card review-item" aria-label={title}>
      <header class="review-head">
        <h2>{title}</h2>
        <span class="tag">{KIND_LABEL[item.kind]}</span>
      </header>
      <dl class="facts">
        {item.reviewText !== null && (
          <>
            <dt>Line text</dt>
            <dd>{item.reviewText}</dd>
          </>
        )}
        <dt>GL account</dt>
        <dd>{item.glAccount ?? '—'}</dd>
        <dt>Current NAICS</dt>
        <dd>
          {item.naics ?? '—'}
          {item.confidence !== null && ` (confidence ${formatPercent(item.confidence)})`}
        </dd>
        {item.suggestedNaics && (
          <>
            <dt>Suggested</dt>
            <dd>{item.suggestedNaics}</dd>
          </>
        )}
        {item.reason && (
          <>
            <dt>Why</dt>
            <dd>{item.reason}</dd>
          </>
        )}
        <dt>Queued</dt>
        <dd>{formatDateTime(item.createdAt)}</dd>
        {item.status === 'resolved' && (
          <>
            <dt>Decision</dt>
            <dd>
              {item.resolvedNaics}
              {item.ruleId && (
                <>
                  {' '}
                  and rule <code>{item.ruleId}</code>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {item.status === 'open' &&
        (open ? (
          <ResolveForm item={item} onResolved={onResolved} onCancel={() => setOpen(false)} />
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            Review
          </button>
        ))}
    </article>
  );
}
