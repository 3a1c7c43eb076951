import { useState } from 'preact/hooks';
import { api } from '../api';
import type { ResolveReview, ReviewItem } from '../api-types';
import { formatPercent } from '../components/format';
import { NaicsPicker } from '../components/naics-picker';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';

type RuleKind = 'supplier' | 'gl-account' | 'description-hash';

/** Pick the NAICS (candidates or a search), optionally make it a rule, and resolve. */
export function ResolveForm({
  item,
  onResolved,
  onCancel,
}: {
  item: ReviewItem;
  onResolved: () => void;
  onCancel: () => void;
}) {
  const action = useAction();
  const [result, setResult] = useState<ResolveReview>();
  const idPrefix = `resolve-${item.id}`;
  const candidates = [
    ...item.candidates.map((c) => ({
      naics: c.naics,
      title: c.naicsTitle,
      note: `candidate, confidence ${formatPercent(c.confidence)}`,
    })),
    ...(item.suggestedNaics && !item.candidates.some((c) => c.naics === item.suggestedNaics)
      ? [{ naics: item.suggestedNaics, title: '', note: 'suggested by a buyer' }]
      : []),
  ];
  const ruleKinds: { kind: RuleKind; label: string }[] = [
    ...(item.supplier ? [{ kind: 'supplier' as const, label: `Supplier “${item.supplier}”` }] : []),
    ...(item.glAccount
      ? [{ kind: 'gl-account' as const, label: `GL account ${item.glAccount}` }]
      : []),
    { kind: 'description-hash', label: 'This exact description (by its hash)' },
  ];

  async function resolve(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const naics = String(data.get('naics') ?? '');
    const makeRule = String(data.get('makeRule') ?? '');
    const answer = await action.run('Resolving and re-estimating the affected lines…', () =>
      api.post<ResolveReview>(`/review/${encodeURIComponent(item.id)}/resolve`, {
        naics,
        ...(makeRule ? { makeRule } : {}),
      }),
    );
    if (answer) setResult(answer);
  }

  if (result) {
    return (
      <div class="status-ok" role="status">
        <p>
          Resolved as <strong>{result.item.resolvedNaics}</strong>
          {result.ruleId ? (
            <>
              ; rule <code data-testid="created-rule">{result.ruleId}</code> created (rule version{' '}
              {result.ruleVersion})
            </>
          ) : (
            ''
          )}
          . {result.reestimated} line{result.reestimated === 1 ? '' : 's'} re-estimated.
        </p>
        <button type="button" class="secondary" onClick={onResolved}>
          Next item
        </button>
      </div>
    );
  }

  return (
    <form class="resolve-form" aria-label="Resolve" onSubmit={(e) => void resolve(e)}>
      <NaicsPicker name="naics" idPrefix={idPrefix} initial={candidates} />
      <fieldset class="rule-choice">
        <legend>Turn the decision into a rule</legend>
        <label class="check">
          <input type="radio" name="makeRule" value="" defaultChecked /> No rule, just this line
        </label>
        {ruleKinds.map((choice) => (
          <label class="check" key={choice.kind}>
            <input type="radio" name="makeRule" value={choice.kind} /> {choice.label}
          </label>
        ))}
      </fieldset>
      <div class="toolbar">
        <button type="submit" disabled={!!action.busy}>
          Resolve
        </button>
        <button type="button" class="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ProgressNote label={action.busy} />
      <ProblemMessage error={action.error} />
    </form>
  );
}
