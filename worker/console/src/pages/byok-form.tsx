import { api, ApiError } from '../api';
import type { TenantKeyChange } from '../api-types';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';

function parseJwk(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError({
      title: 'The key is not valid JSON',
      status: 400,
      detail: 'Paste the key as a JWK, e.g. {"kty":"oct","k":"…","alg":"A256GCM"}.',
    });
  }
}

/** Bring your own key: a 256-bit AES JWK becomes the active version (stored only wrapped). */
export function ByokForm({ onImported }: { onImported: (change: TenantKeyChange) => void }) {
  const action = useAction();
  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const text = String(new FormData(form).get('jwk') ?? '');
    const answer = await action.run('Importing the key and re-wrapping every data key…', async () =>
      api.post<TenantKeyChange>('/keys/byok', { jwk: parseJwk(text) }),
    );
    if (!answer) return;
    form.reset();
    onImported(answer);
  }
  return (
    <form class="card" aria-labelledby="byok-title" onSubmit={(e) => void submit(e)}>
      <h2 id="byok-title">Bring your own key</h2>
      <p class="muted">
        A 256-bit AES key as a JWK (<code>kty</code> "oct"). It is stored only wrapped by the
        service master key and becomes the active version; keep your own copy.
      </p>
      <div class="field">
        <label for="byok-jwk">Key (JWK)</label>
        <textarea
          id="byok-jwk"
          name="jwk"
          rows={4}
          required
          spellcheck={false}
          autoComplete="off"
        />
      </div>
      <button type="submit" disabled={!!action.busy}>
        Import key
      </button>
      <ProgressNote label={action.busy} />
      <ProblemMessage error={action.error} />
    </form>
  );
}
