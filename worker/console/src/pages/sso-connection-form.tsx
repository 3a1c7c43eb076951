import type { IdTokenAlgorithm } from '../../../../shared/api/sso';
import { api } from '../api';
import type { SsoConnection } from '../api-types';
import { ConfirmButton } from '../components/confirm-button';
import { Field } from '../components/field';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';

/** The algorithms the Worker accepts (shared/api/sso.ts; imported as a type to keep zod out). */
const ID_TOKEN_ALGORITHMS: readonly IdTokenAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/** The OIDC provider: endpoints, client, pinned ID-token algorithms; the secret is write-only. */
export function SsoConnectionForm({
  connection,
  onSaved,
}: {
  connection: SsoConnection | null;
  onSaved: () => void;
}) {
  const action = useAction();

  async function save(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const secret = text(data, 'clientSecret');
    const saved = await action.run('Saving the provider…', () =>
      api.put<SsoConnection>('/sso', {
        issuer: text(data, 'issuer'),
        clientId: text(data, 'clientId'),
        ...(secret ? { clientSecret: secret } : {}),
        authorizationEndpoint: text(data, 'authorizationEndpoint'),
        tokenEndpoint: text(data, 'tokenEndpoint'),
        jwksUri: text(data, 'jwksUri'),
        idTokenAlgorithms: data.getAll('idTokenAlgorithms').map(String),
      }),
    );
    if (saved) onSaved();
  }

  async function turnOff() {
    await action.run('Turning single sign-on off…', () => api.delete('/sso'));
    onSaved();
  }

  return (
    <form class="card" aria-labelledby="sso-provider-title" onSubmit={(e) => void save(e)}>
      <h2 id="sso-provider-title">Identity provider (OIDC)</h2>
      {connection ? (
        <p class="status-ok" role="status">
          Single sign-on is set up (updated {formatDateTime(connection.updatedAt)}). Register this
          redirect URI at the provider: <code class="wrap">{connection.callbackUrl}</code>
        </p>
      ) : (
        <p class="muted">Not set up. People sign in with passwords until it is.</p>
      )}
      <div class="form-grid">
        <Field label="Issuer" name="issuer" type="url" required defaultValue={connection?.issuer} />
        <Field label="Client id" name="clientId" required defaultValue={connection?.clientId} />
        <Field
          label="Client secret"
          name="clientSecret"
          type="password"
          autoComplete="off"
          required={!connection}
          hint={
            connection
              ? 'Stored sealed; leave empty to keep it.'
              : 'Stored sealed, never shown again.'
          }
        />
        <Field
          label="Authorization endpoint"
          name="authorizationEndpoint"
          type="url"
          required
          defaultValue={connection?.authorizationEndpoint}
        />
        <Field
          label="Token endpoint"
          name="tokenEndpoint"
          type="url"
          required
          defaultValue={connection?.tokenEndpoint}
        />
        <Field
          label="JWKS URI"
          name="jwksUri"
          type="url"
          required
          defaultValue={connection?.jwksUri}
        />
      </div>
      <fieldset class="scopes">
        <legend>ID-token algorithms accepted</legend>
        {ID_TOKEN_ALGORITHMS.map((algorithm) => (
          <label key={algorithm} class="check">
            <input
              type="checkbox"
              name="idTokenAlgorithms"
              value={algorithm}
              defaultChecked={(connection?.idTokenAlgorithms ?? ['RS256']).includes(algorithm)}
            />{' '}
            {algorithm}
          </label>
        ))}
      </fieldset>
      <div class="toolbar">
        <button type="submit" disabled={!!action.busy}>
          {connection ? 'Save changes' : 'Set up single sign-on'}
        </button>
        {connection && (
          <ConfirmButton
            label="Turn off single sign-on"
            confirmLabel="Yes, turn it off"
            warning="People of your domains sign in with passwords again; the domains stay listed."
            danger
            onConfirm={turnOff}
          />
        )}
      </div>
      <ProblemMessage error={action.error} />
    </form>
  );
}
