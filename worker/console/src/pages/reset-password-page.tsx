import { useState } from 'preact/hooks';
import { confirmPasswordReset } from '../api';
import { Link } from '../components/link';
import { takeLinkToken } from '../components/link-token';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { NewPasswordFields, newPasswordOf } from './new-password-fields';
import { PublicCard } from './public-card';

/** The emailed reset link lands here: set a new password (every session of the account ends). */
export function ResetPasswordPage({ onDone }: { onDone: () => void }) {
  const [token] = useState(takeLinkToken);
  const [done, setDone] = useState(false);
  const action = useAction();
  async function submit(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const ok = await action.run('Saving…', async () => {
      await confirmPasswordReset(token, newPasswordOf(data));
      return true;
    });
    if (ok) setDone(true);
  }
  return (
    <PublicCard title="Choose a new password" titleId="reset-title">
      {!token ? (
        <p>
          This page needs the link from the reset email.{' '}
          <Link to="/forgot-password">Ask for one</Link>.
        </p>
      ) : done ? (
        <div class="status-ok" role="status">
          <p>Your password is changed, and every session of your account has ended.</p>
          <button type="button" onClick={onDone}>
            Sign in
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <NewPasswordFields />
          <button type="submit" disabled={!!action.busy}>
            Set the new password
          </button>
        </form>
      )}
      <ProblemMessage error={action.error} />
    </PublicCard>
  );
}
