import { useState } from 'preact/hooks';
import { CAPABILITIES, type Capability } from '../../../../shared/roles';
import { api } from '../api';
import { DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';
import { ApiKeyCreateForm } from './api-key-create-form';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: Capability[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** API keys: shown once at creation, listed by prefix, revocable (two clicks). */
export function ApiKeysPage() {
  const keys = useApi(() => api.get<{ keys: ApiKey[] }>('/api-keys'));
  const [confirming, setConfirming] = useState<string>();
  const [error, setError] = useState<unknown>();

  async function revoke(id: string) {
    setError(undefined);
    try {
      await api.delete(`/api-keys/${encodeURIComponent(id)}`);
      setConfirming(undefined);
      keys.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <ApiKeyCreateForm scopes={CAPABILITIES} onCreated={keys.reload} />
      <ProblemMessage error={error ?? keys.error} />
      {keys.data && keys.data.keys.length === 0 && <p>No API keys yet.</p>}
      {keys.data && keys.data.keys.length > 0 && (
        <DataTable
          caption="API keys"
          columns={['Name', 'Key', 'Scopes', 'Created', 'Last used', 'Status']}
        >
          {keys.data.keys.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>
                <code>sp_live_{key.prefix}…</code>
              </td>
              <td>{key.scopes.join(', ')}</td>
              <td>{formatDateTime(key.createdAt)}</td>
              <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'never'}</td>
              <td>
                {key.revokedAt ? (
                  <span class="muted">revoked {formatDateTime(key.revokedAt)}</span>
                ) : confirming === key.id ? (
                  <button type="button" class="danger" onClick={() => void revoke(key.id)}>
                    Confirm: revoke {key.name}
                  </button>
                ) : (
                  <button type="button" class="secondary" onClick={() => setConfirming(key.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
