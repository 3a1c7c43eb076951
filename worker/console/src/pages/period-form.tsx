import { api } from '../api';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';

export function PeriodForm({ onCreated }: { onCreated: () => void }) {
  const action = useAction();
  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const created = await action.run('Adding the period…', () =>
      api.post('/periods', {
        name: String(data.get('name') ?? '').trim(),
        startDate: String(data.get('startDate') ?? ''),
        endDate: String(data.get('endDate') ?? ''),
      }),
    );
    if (!created) return;
    form.reset();
    onCreated();
  }
  return (
    <form class="card" aria-labelledby="new-period-title" onSubmit={(e) => void create(e)}>
      <h2 id="new-period-title">New period</h2>
      <div class="form-grid">
        <Field label="Name" name="name" required placeholder="e.g. Q1 2026" />
        <Field label="First day" name="startDate" type="date" required />
        <Field label="Last day" name="endDate" type="date" required />
      </div>
      <button type="submit" disabled={!!action.busy}>
        Add period
      </button>
      <ProblemMessage error={action.error} />
    </form>
  );
}
