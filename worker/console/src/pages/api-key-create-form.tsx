import { useState } from 'preact/hooks';
import type { Capability } from '../../../../shared/roles';
import { api } from '../api';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';

export function ApiKeyCreateForm({
  scopes,
  onCreated,
}: {
  scopes: readonly Capability[];
  onCreated: () => void;
}) {
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const [error, setError] = useState<unknown>();

  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setError(undefined);
    setCreated(undefined);
    try {
      const answer = await api.post<{ name: string; key: string }>('/api-keys', {
        name: String(data.get('name') ?? '').trim(),
        scopes: data.getAll('scopes').map(String),
      });
      setCreated({ name: answer.name, key: answer.key });
      form.reset();
      onCreated();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form class="card" aria-labelledby="new-key-title" onSubmit={(e) => void create(e)}>
      <h2 id="new-key-title">New API key</h2>
      <Field label="Key name" name="name" required />
      <fieldset class="scopes">
        <legend>Scopes</legend>
        {scopes.map((scope) => (
          <label key={scope} class="check">
            <input type="checkbox" name="scopes" value={scope} /> {scope}
          </label>
        ))}
      </fieldset>
      <button type="submit">Create key</button>
      {created && (
        <div class="status-ok" role="status">
          <p>
            Copy the key for <strong>{created.name}</strong> now: it is shown only once.
          </p>
          <code class="wrap" data-testid="new-api-key">
            {created.key}
          </code>
        </div>
      )}
      <ProblemMessage error={error} />
    </form>
  );
}
