import { useState } from 'preact/hooks';
import { acceptInvitation } from '../api';
import { Field } from '../components/field';
import { takeLinkToken } from '../components/link-token';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { NewPasswordFields, newPasswordOf } from './new-password-fields';
import { PublicCard } from './public-card';

/**
 * The emailed invitation lands here: name and password create the account (someone who already
 * has an account joins with it; the password they type then is not used).
 */
export function AcceptInvitationPage({ onDone }: { onDone: () => void }) {
  const [token] = useState(takeLinkToken);
  const [done, setDone] = useState(false);
  const action = useAction();
  async function submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const ok = await action.run('Joining…', async () => {
      await acceptInvitation(token, String(data.get('name') ?? '').trim(), newPasswordOf(data));
      return true;
    });
    if (ok) setDone(true);
  }
  return (
    <PublicCard title="Join Spendprint" titleId="accept-title">
      {!token ? (
        <p>This page needs the link from your invitation email.</p>
      ) : done ? (
        <div class="status-ok" role="status">
          <p>You have joined. Sign in with your email address and password.</p>
          <button type="button" onClick={onDone}>
            Sign in
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Field label="Your name" name="name" autoComplete="name" required />
          <NewPasswordFields />
          <button type="submit" disabled={!!action.busy}>
            Accept the invitation
          </button>
        </form>
      )}
      <ProblemMessage error={action.error} />
    </PublicCard>
  );
}
