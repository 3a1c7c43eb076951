import { useState } from 'preact/hooks';
import { ROLES } from '../../../../shared/roles';
import { api } from '../api';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';

export function InviteForm() {
  const [error, setError] = useState<unknown>();
  const [sentTo, setSentTo] = useState<string>();

  async function invite(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    setError(undefined);
    setSentTo(undefined);
    try {
      await api.post('/invitations', { email, role: data.get('role') });
      setSentTo(email);
      form.reset();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form class="card" aria-labelledby="invite-title" onSubmit={(e) => void invite(e)}>
      <h2 id="invite-title">Invite someone</h2>
      <Field label="Email" name="email" type="email" required />
      <div class="field">
        <label for="invite-role">Role</label>
        <select id="invite-role" name="role">
          {ROLES.map((role) => (
            <option key={role} value={role} selected={role === 'viewer'}>
              {role}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Send invitation</button>
      {sentTo && (
        <p class="status-ok" role="status">
          Invitation sent to {sentTo}.
        </p>
      )}
      <ProblemMessage error={error} />
    </form>
  );
}
