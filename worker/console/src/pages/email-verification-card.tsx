import { useState } from 'preact/hooks';
import { api } from '../api';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { useSession } from '../session';

/** Shows whether the address is confirmed, and sends a fresh link when it is not. */
export function EmailVerificationCard() {
  const { me } = useSession();
  const [sent, setSent] = useState(false);
  const action = useAction();
  if (me.emailVerified) {
    return <p class="status-ok">Your email address {me.email} is confirmed.</p>;
  }
  async function send() {
    const ok = await action.run('Sending…', async () => {
      await api.post('/auth/email-verification', {});
      return true;
    });
    if (ok) setSent(true);
  }
  return (
    <div class="card">
      <p>Your email address {me.email} is not confirmed yet.</p>
      {sent ? (
        <p role="status">We sent a link to {me.email}. Open it to confirm the address.</p>
      ) : (
        <button type="button" onClick={() => void send()} disabled={!!action.busy}>
          Send a confirmation link
        </button>
      )}
      <ProblemMessage error={action.error} />
    </div>
  );
}
