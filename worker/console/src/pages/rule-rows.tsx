import { useState } from 'preact/hooks';
import { api } from '../api';
import type { Rule } from '../api-types';
import { formatDateTime, shortHash } from '../components/format';
import { NaicsPicker } from '../components/naics-picker';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { RuleHistoryTable } from './rule-history';

/** A rule's row; opened, its history and a form to change its NAICS. */
export function RuleRows({
  rule,
  open,
  onToggle,
  onChanged,
}: {
  rule: Rule;
  open: boolean;
  onToggle: () => void;
  onChanged: () => void;
}) {
  const action = useAction();
  const [historyTick, setHistoryTick] = useState(0);

  async function change(body: Record<string, unknown>, label: string) {
    const answer = await action.run(label, () =>
      api.patch(`/rules/${encodeURIComponent(rule.id)}`, body),
    );
    if (answer) {
      setHistoryTick((n) => n + 1);
      onChanged();
    }
  }

  return (
    <>
      <tr class={rule.enabled ? undefined : 'disabled-row'}>
        <td>{rule.kind}</td>
        <td>
          {rule.kind === 'description-hash' ? (
            <code title={rule.match}>{shortHash(rule.match)}</code>
          ) : (
            rule.match
          )}
        </td>
        <td>
          <code>{rule.naics}</code> {rule.naicsTitle}
        </td>
        <td>{rule.enabled ? 'enabled' : 'disabled'}</td>
        <td>
          v{rule.version} <span class="muted">{formatDateTime(rule.updatedAt)}</span>
        </td>
        <td class="actions">
          <button type="button" class="link-button" aria-expanded={open} onClick={onToggle}>
            {open ? 'Close' : 'History and edit'}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={!!action.busy}
            onClick={() =>
              void change({ enabled: !rule.enabled }, rule.enabled ? 'Disabling…' : 'Enabling…')
            }
          >
            {rule.enabled ? 'Disable' : 'Enable'}
          </button>
        </td>
      </tr>
      {(open || action.error) && (
        <tr class="detail-row">
          <td colSpan={6}>
            <ProblemMessage error={action.error} />
            {open && (
              <div class="columns">
                <RuleHistoryTable ruleId={rule.id} tick={historyTick} />
                <form
                  aria-label={`Change the NAICS of rule ${rule.id}`}
                  onSubmit={(event) => {
                    event.preventDefault();
                    const naics = new FormData(event.currentTarget).get('naics');
                    void change({ naics }, 'Saving a new version…');
                  }}
                >
                  <NaicsPicker name="naics" idPrefix={`rule-${rule.id}`} />
                  <button type="submit" disabled={!!action.busy}>
                    Save as a new version
                  </button>
                </form>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
