import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { formatDateTime, shortHash } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';

interface Checkpoint {
  size: number;
  headHash: string;
  at: string;
  note: string;
}

/** The latest signed checkpoint, a button to sign one now, and the public key for auditors. */
export function CheckpointPanel() {
  const latest = useApi(() =>
    api.get<Checkpoint>('/audit/checkpoints/latest').catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }),
  );
  const key = useApi(() => api.get<{ kty: string; crv: string; x: string }>('/audit/public-key'));
  const [error, setError] = useState<unknown>();

  async function signNow() {
    setError(undefined);
    try {
      await api.post<Checkpoint>('/audit/checkpoints', {});
      latest.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section class="card" aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title">Signed checkpoints</h2>
      {latest.data ? (
        <p>
          Latest: {latest.data.size} entries, head{' '}
          <code title={latest.data.headHash}>{shortHash(latest.data.headHash)}</code>, signed{' '}
          {formatDateTime(latest.data.at)}.
        </p>
      ) : (
        !latest.loading && <p>No checkpoint has been signed yet.</p>
      )}
      <button type="button" class="secondary" onClick={() => void signNow()}>
        Sign a checkpoint now
      </button>
      {key.data && (
        <p class="muted">
          Public key (Ed25519, JWK x): <code class="wrap">{key.data.x}</code>
        </p>
      )}
      <ProblemMessage error={error ?? latest.error ?? key.error} />
    </section>
  );
}
