import { useState } from 'preact/hooks';
import { api } from '../api';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';
import { offers } from '../navigation';
import { useSession } from '../session';

interface Team {
  id: string;
  name: string;
  costCentre: string | null;
}

export function TeamsPanel() {
  const { operations } = useSession();
  const teams = useApi(() => api.get<{ teams: Team[] }>('/teams'));
  const [error, setError] = useState<unknown>();

  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const costCentre = String(data.get('costCentre') ?? '').trim();
    setError(undefined);
    try {
      await api.post('/teams', {
        name: String(data.get('name') ?? '').trim(),
        ...(costCentre ? { costCentre } : {}),
      });
      form.reset();
      teams.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section class="card" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      {teams.data && (
        <ul class="plain-list">
          {teams.data.teams.map((team) => (
            <li key={team.id}>
              {team.name} {team.costCentre && <span class="muted">{team.costCentre}</span>}
            </li>
          ))}
        </ul>
      )}
      {offers(operations, '/teams', 'post') && (
        <form onSubmit={(e) => void create(e)}>
          <Field label="Team name" name="name" required />
          <Field label="Cost centre" name="costCentre" />
          <button type="submit" class="secondary">
            Add team
          </button>
        </form>
      )}
      <ProblemMessage error={error ?? teams.error} />
    </section>
  );
}
