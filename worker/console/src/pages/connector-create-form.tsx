import { useState } from 'preact/hooks';
import type { ConnectorView } from '../../../../shared/api/connectors';
import { CONNECTOR_KIND_INFO, type ConnectorKind } from '../../../../shared/connector-kinds';
import { api } from '../api';
import { Field } from '../components/field';
import { ProblemMessage } from '../components/problem-message';

const KIND: ConnectorKind = 'coupa';
const info = CONNECTOR_KIND_INFO[KIND];

function text(data: FormData, name: string): string {
  return String(data.get(name) ?? '').trim();
}

/** Connect a Coupa instance with an OAuth 2.0 client (client credentials grant). */
export function ConnectorCreateForm({ onCreated }: { onCreated: () => void }) {
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function create(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const baseUrl = text(data, 'baseUrl').replace(/\/+$/, '');
    setError(undefined);
    setCreated(undefined);
    setBusy(true);
    try {
      const connector = await api.post<ConnectorView>('/connectors', {
        kind: KIND,
        name: text(data, 'name'),
        baseUrl,
        tokenUrl: text(data, 'tokenUrl') || `${baseUrl}/oauth2/token`,
        clientId: text(data, 'clientId'),
        clientSecret: String(data.get('clientSecret') ?? ''),
        scopes: data.getAll('scopes').map(String),
        ...(text(data, 'since') ? { since: text(data, 'since') } : {}),
      });
      setCreated(connector.name);
      form.reset();
      onCreated();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" aria-labelledby="connect-title" onSubmit={(e) => void create(e)}>
      <h2 id="connect-title">Connect {info.label}</h2>
      <p class="hint">
        Create an OAuth 2.0 client with the client credentials grant in {info.label} (Setup →
        Oauth2/OpenID Connect Clients) and read-only scopes. The secret is sealed under your tenant
        key and never shown again.
      </p>
      <Field label="Connector name" name="name" required placeholder="Coupa production" />
      <Field
        label="Instance URL"
        name="baseUrl"
        type="url"
        required
        placeholder="https://yourcompany.coupahost.com"
        hint={`On ${info.hostSuffixes.join(' or ')}, without a path.`}
      />
      <Field
        label="Token URL"
        name="tokenUrl"
        type="url"
        placeholder="https://yourcompany.coupahost.com/oauth2/token"
        hint="Leave empty for <instance URL>/oauth2/token."
      />
      <Field label="Client ID" name="clientId" required autocomplete="off" />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        required
        autocomplete="new-password"
      />
      <fieldset class="scopes">
        <legend>Scopes</legend>
        {[...info.requiredScopes, ...info.optionalScopes].map((scope) => (
          <label key={scope} class="check">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={(info.requiredScopes as readonly string[]).includes(scope)}
            />{' '}
            {scope}
          </label>
        ))}
      </fieldset>
      <Field
        label="Take documents updated since"
        name="since"
        type="date"
        hint="Default: 90 days ago. Later pulls take only what changed after the last one."
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Connecting…' : 'Connect'}
      </button>
      {created && (
        <p class="status-ok" role="status">
          {created} is connected. Pull now, or wait for the hourly pull.
        </p>
      )}
      <ProblemMessage error={error} />
    </form>
  );
}
