import { requestPasswordReset } from '../api';
import { Field } from '../components/field';
import { Link } from '../components/link';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { useState } from 'preact/hooks';
import { PublicCard } from './public-card';

/** Ask for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const action = useAction();
  const [sent, setSent] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '');
    const done = await action.run('Sending…', () =>
      requestPasswordReset(email.trim()).then(() => true),
    );
    if (done) setSent(true);
  }
  return (
    <PublicCard title="Reset your password" titleId="forgot-title">
      {sent ? (
        <p class="status-ok" role="status">
          If that address has an account, a reset link is on its way. It works once, for one hour.
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Field label="Email" name="email" type="email" autoComplete="username" required />
          <button type="submit" disabled={!!action.busy}>
            {action.busy ? 'Sending…' : 'Email me a reset link'}
          </button>
        </form>
      )}
      <ProblemMessage error={action.error} />
      <p>
        <Link to="/">Back to sign-in</Link>
      </p>
    </PublicCard>
  );
}
