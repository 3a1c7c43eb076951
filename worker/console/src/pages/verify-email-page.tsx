import { useEffect, useState } from 'preact/hooks';
import { confirmEmailVerification } from '../api';
import { takeLinkToken } from '../components/link-token';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { PublicCard } from './public-card';

/** The emailed verification link lands here and confirms the address at once. */
export function VerifyEmailPage({ onDone }: { onDone: () => void }) {
  const [token] = useState(takeLinkToken);
  const [verified, setVerified] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (!token) return;
    void action
      .run('Confirming…', async () => {
        await confirmEmailVerification(token);
        return true;
      })
      .then((ok) => ok && setVerified(true));
  }, [token]);
  return (
    <PublicCard title="Confirm your email address" titleId="verify-title">
      {!token ? (
        <p>This page needs the link from the verification email.</p>
      ) : verified ? (
        <div class="status-ok" role="status">
          <p>Your email address is confirmed.</p>
          <button type="button" onClick={onDone}>
            Continue
          </button>
        </div>
      ) : (
        action.busy && <p role="status">{action.busy}</p>
      )}
      <ProblemMessage error={action.error} />
    </PublicCard>
  );
}
