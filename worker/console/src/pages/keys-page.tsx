import { useState } from 'preact/hooks';
import { planIncludes, type Plan } from '../../../../shared/plans';
import { api } from '../api';
import type { TenantKeyChange, TenantKeyList } from '../api-types';
import { DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';
import { useApi } from '../components/use-api';
import { useSession } from '../session';
import { ByokForm } from './byok-form';
import { RevokeKeyButton } from './revoke-key-button';

/** The tenant's key versions (never key material): rotate, bring your own, revoke. */
export function KeysPage() {
  const { me } = useSession();
  const keys = useApi(() => api.get<TenantKeyList>('/keys'));
  const action = useAction();
  const [change, setChange] = useState<TenantKeyChange>();
  const byok = planIncludes(me.tenant.plan as Plan, 'customer-keys');

  async function rotate() {
    setChange(undefined);
    const answer = await action.run(
      'Rotating: re-wrapping every data key under a new version…',
      () => api.post<TenantKeyChange>('/keys/rotate', {}),
    );
    if (answer) setChange(answer);
    keys.reload();
  }

  return (
    <section aria-labelledby="keys-page-title">
      <h1 id="keys-page-title">Encryption keys</h1>
      <p class="muted">
        Reports and exports are encrypted with a fresh data key each, wrapped by the tenant key.
        Rotating re-wraps the data keys under a new version without re-encrypting the objects.
      </p>
      <div class="toolbar">
        <button type="button" disabled={!!action.busy} onClick={() => void rotate()}>
          Rotate the key
        </button>
      </div>
      <ProgressNote label={action.busy ?? (keys.loading ? 'Loading keys…' : undefined)} />
      {change && (
        <p class="status-ok" role="status">
          Version {change.key.version} ({change.key.kind}) is active; {change.rewrappedObjects}{' '}
          stored object{change.rewrappedObjects === 1 ? '' : 's'} re-wrapped.
        </p>
      )}
      <ProblemMessage error={action.error ?? keys.error} />
      {keys.data && keys.data.keys.length === 0 && (
        <p>No key yet: the first one is made when something is first stored encrypted.</p>
      )}
      {keys.data && keys.data.keys.length > 0 && (
        <DataTable
          caption="Key versions"
          columns={['Version', 'Kind', 'State', 'Created', 'Actions']}
        >
          {keys.data.keys.map((key) => (
            <tr key={key.version}>
              <td>v{key.version}</td>
              <td>{key.kind === 'byok' ? 'customer-supplied (BYOK)' : 'managed'}</td>
              <td>
                <span class={`tag key-${key.state}`}>{key.state}</span>
                {key.retiredAt && <span class="muted"> {formatDateTime(key.retiredAt)}</span>}
                {key.revokedAt && <span class="muted"> {formatDateTime(key.revokedAt)}</span>}
              </td>
              <td>{formatDateTime(key.createdAt)}</td>
              <td>
                {key.state !== 'revoked' && (
                  <RevokeKeyButton
                    version={key.version}
                    active={key.state === 'active'}
                    onRevoked={keys.reload}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {byok ? (
        <ByokForm
          onImported={(answer) => {
            setChange(answer);
            keys.reload();
          }}
        />
      ) : (
        <p class="plan-notice" role="status">
          Customer-supplied keys (BYOK) need the enterprise plan; this tenant is on the{' '}
          {me.tenant.plan} plan.
        </p>
      )}
    </section>
  );
}
