import { useState } from 'preact/hooks';
import { api } from '../api';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';

/**
 * Revoking is crypto-shredding and cannot be undone, so the confirmation asks for the words
 * "revoke version N" to be typed, after the warning says what is lost.
 */
export function RevokeKeyButton({
  version,
  active,
  onRevoked,
}: {
  version: number;
  active: boolean;
  onRevoked: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const action = useAction();
  const phrase = `revoke version ${version}`;

  if (!asking) {
    return (
      <button type="button" class="secondary danger-outline" onClick={() => setAsking(true)}>
        Revoke
      </button>
    );
  }
  return (
    <div class="warning-box" role="group" aria-label={`Revoke key version ${version}`}>
      <p class="warning-text">
        <strong>This cannot be undone.</strong> Revoking erases key version {version}: every export,
        backup and report still wrapped under it becomes unreadable forever, for everyone
        (crypto-shredding).{' '}
        {active
          ? 'It is the active key: rotate first if you want to keep your data readable.'
          : 'Data already re-wrapped under a newer version stays readable.'}
      </p>
      <label for={`revoke-${version}`}>Type “{phrase}” to confirm</label>
      <input
        id={`revoke-${version}`}
        value={typed}
        autoComplete="off"
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
      <div class="toolbar">
        <button
          type="button"
          class="danger"
          disabled={typed.trim().toLowerCase() !== phrase || !!action.busy}
          onClick={async () => {
            const done = await action.run('Revoking…', () =>
              api.post(`/keys/${version}/revoke`, {}),
            );
            if (done) {
              setAsking(false);
              onRevoked();
            }
          }}
        >
          Revoke version {version} forever
        </button>
        <button type="button" class="link-button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      <ProblemMessage error={action.error} />
    </div>
  );
}
