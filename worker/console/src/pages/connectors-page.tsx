import { useState } from 'preact/hooks';
import type { ConnectorPullView, ConnectorView } from '../../../../shared/api/connectors';
import { can } from '../../../../shared/roles';
import { api } from '../api';
import { DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';
import { offers } from '../navigation';
import { useSession } from '../session';
import { ConnectorActivity } from './connector-activity';
import { ConnectorCreateForm } from './connector-create-form';

function lastPullText(pull: ConnectorPullView | null): string {
  if (!pull) return 'never';
  const when = formatDateTime(pull.startedAt);
  return pull.status === 'ok'
    ? `${when}: ${pull.linesNew} new, ${pull.linesDuplicate} already recorded`
    : `${when}: failed`;
}

/** ERP connectors: connect, pull now, revoke (two clicks), and see pulls and outbound calls. */
export function ConnectorsPage() {
  const { me, operations } = useSession();
  const list = useApi(() => api.get<{ connectors: ConnectorView[] }>('/connectors'));
  const [selected, setSelected] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [pulling, setPulling] = useState<string>();
  const [result, setResult] = useState<{ name: string; pull: ConnectorPullView }>();
  const [error, setError] = useState<unknown>();
  const [refreshKey, setRefreshKey] = useState(0);
  const showCalls = can(me.role, 'access-log:read') && offers(operations, '/connectors/{id}/calls');

  function changed() {
    list.reload();
    setRefreshKey((n) => n + 1);
  }

  async function pullNow(connector: ConnectorView) {
    setError(undefined);
    setResult(undefined);
    setPulling(connector.id);
    try {
      const pull = await api.post<ConnectorPullView>(
        `/connectors/${encodeURIComponent(connector.id)}/pull`,
      );
      setResult({ name: connector.name, pull });
      setSelected(connector.id);
      changed();
    } catch (caught) {
      setError(caught);
    } finally {
      setPulling(undefined);
    }
  }

  async function revoke(connector: ConnectorView) {
    setError(undefined);
    try {
      await api.post(`/connectors/${encodeURIComponent(connector.id)}/revoke`);
      setConfirming(undefined);
      changed();
    } catch (caught) {
      setError(caught);
    }
  }

  const connectors = list.data?.connectors ?? [];
  const shown = connectors.find((connector) => connector.id === selected);

  return (
    <section aria-labelledby="connectors-title">
      <h1 id="connectors-title">ERP connectors</h1>
      <p class="hint">
        Connectors only read: each may call the operations on its allow-list and request its token,
        nothing else. New purchase lines come in every hour, or when you pull now; a line already
        recorded is never counted twice.
      </p>
      <ProblemMessage error={error ?? list.error} />
      <PullResult result={result} />
      {list.data && connectors.length === 0 && <p>No connectors yet.</p>}
      {connectors.length > 0 && (
        <DataTable
          caption="ERP connectors"
          columns={['Name', 'Instance', 'State', 'Last pull', 'Actions']}
        >
          {connectors.map((connector) => (
            <tr key={connector.id}>
              <td>
                {connector.name} <span class="muted">{connector.kind}</span>
              </td>
              <td>
                <code>{connector.baseUrl}</code>
                <br />
                <span class="muted">client {connector.clientId}</span>
              </td>
              <td>{connector.state}</td>
              <td>{lastPullText(connector.lastPull)}</td>
              <td class="actions">
                {connector.state === 'active' && (
                  <button
                    type="button"
                    onClick={() => void pullNow(connector)}
                    disabled={pulling !== undefined}
                  >
                    {pulling === connector.id ? 'Pulling…' : 'Pull now'}
                  </button>
                )}{' '}
                <button
                  type="button"
                  class="secondary"
                  aria-pressed={selected === connector.id}
                  onClick={() => setSelected(selected === connector.id ? undefined : connector.id)}
                >
                  Activity
                </button>{' '}
                {connector.state === 'active' &&
                  (confirming === connector.id ? (
                    <button type="button" class="danger" onClick={() => void revoke(connector)}>
                      Confirm: revoke {connector.name}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => setConfirming(connector.id)}
                    >
                      Revoke
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {shown && (
        <ConnectorActivity connector={shown} showCalls={showCalls} refreshKey={refreshKey} />
      )}
      <ConnectorCreateForm onCreated={changed} />
    </section>
  );
}

function PullResult({ result }: { result: { name: string; pull: ConnectorPullView } | undefined }) {
  if (!result) return null;
  const { name, pull } = result;
  if (pull.status === 'failed') {
    return (
      <div class="problem" role="alert" data-testid="pull-result">
        <strong class="problem-title">The pull of {name} failed</strong>
        <p class="problem-detail">{pull.errors[0]}</p>
      </div>
    );
  }
  return (
    <p class="status-ok" role="status" data-testid="pull-result">
      {name}: {pull.documents} documents, {pull.linesNew} new lines, {pull.linesDuplicate} already
      recorded, {pull.linesSkipped} skipped{pull.more ? '; more on the next pull' : ''}.
    </p>
  );
}
