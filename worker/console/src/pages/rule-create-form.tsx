import { useState } from 'preact/hooks';
import { api } from '../api';
import type { Rule } from '../api-types';
import { Field } from '../components/field';
import { NaicsPicker } from '../components/naics-picker';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';

export const RULE_KINDS = [
  { kind: 'supplier', label: 'Supplier', hint: 'The supplier name, as lines carry it.' },
  { kind: 'gl-account', label: 'GL account', hint: 'The general-ledger account, e.g. 6410.' },
  { kind: 'keyword', label: 'Keyword', hint: 'A word or phrase found in descriptions.' },
  {
    kind: 'description-hash',
    label: 'Exact description',
    hint: 'The full description; only its tenant-keyed hash is stored.',
  },
] as const;

export function RuleCreateForm({ onCreated }: { onCreated: () => void }) {
  const action = useAction();
  const [created, setCreated] = useState<Rule>();
  const [kind, setKind] = useState<string>('supplier');

  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setCreated(undefined);
    const answer = await action.run('Creating the rule…', () =>
      api.post<{ rule: Rule }>('/rules', {
        kind,
        match: String(data.get('match') ?? '').trim(),
        naics: String(data.get('naics') ?? ''),
      }),
    );
    if (!answer) return;
    setCreated(answer.rule);
    form.reset();
    onCreated();
  }

  return (
    <form class="card" aria-labelledby="new-rule-title" onSubmit={(e) => void create(e)}>
      <h2 id="new-rule-title">New rule</h2>
      <div class="field">
        <label for="rule-kind">Kind</label>
        <select id="rule-kind" value={kind} onInput={(e) => setKind(e.currentTarget.value)}>
          {RULE_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Matches"
        name="match"
        required
        maxLength={1000}
        hint={RULE_KINDS.find((k) => k.kind === kind)?.hint}
      />
      <NaicsPicker name="naics" idPrefix="new-rule" />
      <button type="submit" disabled={!!action.busy}>
        Create rule
      </button>
      {created && (
        <p class="status-ok" role="status">
          Rule created: {created.kind} → {created.naics} {created.naicsTitle}.
        </p>
      )}
      <ProblemMessage error={action.error} />
    </form>
  );
}
