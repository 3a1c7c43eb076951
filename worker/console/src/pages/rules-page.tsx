import { useState } from 'preact/hooks';
import { api } from '../api';
import type { RuleList } from '../api-types';
import { DataTable } from '../components/data-table';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useApi } from '../components/use-api';
import { RuleCreateForm } from './rule-create-form';
import { RuleRows } from './rule-rows';

/** The tenant's classification rules: create, edit, disable, and each rule's version history. */
export function RulesPage() {
  const rules = useApi(() => api.get<RuleList>('/rules'));
  const [open, setOpen] = useState<string>();
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">Rules</h1>
      <p class="muted">
        Rules outrank the classifier: by description (stored only as a keyed hash), keyword,
        supplier or GL account, in that order. Every change is a new version
        {rules.data && (
          <>
            ; the tenant's rule version is now <strong>{rules.data.ruleVersion}</strong>
          </>
        )}
        .
      </p>
      <ProgressNote label={rules.loading ? 'Loading rules…' : undefined} />
      <ProblemMessage error={rules.error} />
      {rules.data && rules.data.rules.length === 0 && <p>No rules yet.</p>}
      {rules.data && rules.data.rules.length > 0 && (
        <DataTable
          caption="Rules"
          columns={['Kind', 'Matches', 'NAICS', 'State', 'Version', 'Actions']}
        >
          {rules.data.rules.map((rule) => (
            <RuleRows
              key={rule.id}
              rule={rule}
              open={open === rule.id}
              onToggle={() => setOpen(open === rule.id ? undefined : rule.id)}
              onChanged={rules.reload}
            />
          ))}
        </DataTable>
      )}
      <RuleCreateForm onCreated={rules.reload} />
    </section>
  );
}
