import type {
  ConnectorCallView,
  ConnectorPullView,
  ConnectorView,
} from '../../../../shared/api/connectors';
import { api } from '../api';
import { DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';

/** One connector's allow-list, its last pulls and (for access-log readers) its outbound calls. */
export function ConnectorActivity({
  connector,
  showCalls,
  refreshKey,
}: {
  connector: ConnectorView;
  showCalls: boolean;
  refreshKey: number;
}) {
  const path = `/connectors/${encodeURIComponent(connector.id)}`;
  const pulls = useApi(
    () => api.get<{ pulls: ConnectorPullView[] }>(`${path}/pulls`),
    [path, refreshKey],
  );
  return (
    <section class="card" aria-labelledby="activity-title">
      <h2 id="activity-title">{connector.name}: activity</h2>
      <h3>Allowed calls</h3>
      <ul class="plain-list" aria-label="Allowed calls">
        {connector.allowList.map((op) => (
          <li key={op.operation}>
            <code>
              {op.method} {op.target}
            </code>{' '}
            <span class="muted">{op.operation}</span>
          </li>
        ))}
      </ul>
      <p class="hint">Anything else is refused before it leaves Spendprint.</p>
      <h3>Last pulls</h3>
      <ProblemMessage error={pulls.error} />
      {pulls.data && <PullTable pulls={pulls.data.pulls} />}
      {showCalls && <CallTable path={path} refreshKey={refreshKey} />}
    </section>
  );
}

function PullTable({ pulls }: { pulls: ConnectorPullView[] }) {
  if (pulls.length === 0) return <p>No pulls yet.</p>;
  return (
    <DataTable
      caption="Last pulls, newest first"
      columns={[
        'When',
        'Trigger',
        'Result',
        'Documents',
        'New lines',
        'Already recorded',
        'Skipped',
        'Notes',
      ]}
    >
      {pulls.map((pull) => (
        <tr key={pull.id}>
          <td>{formatDateTime(pull.startedAt)}</td>
          <td>{pull.trigger === 'schedule' ? 'hourly' : 'on demand'}</td>
          <td>{pull.status}</td>
          <td>{pull.documents}</td>
          <td>{pull.linesNew}</td>
          <td>{pull.linesDuplicate}</td>
          <td>{pull.linesSkipped}</td>
          <td>
            {pull.errors.length > 0 && (
              <ul class="compact">
                {pull.errors.map((error, i) => (
                  <li key={i}>{error}</li>
                ))}
              </ul>
            )}
            {pull.more && <span class="muted">more waiting for the next pull</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function CallTable({ path, refreshKey }: { path: string; refreshKey: number }) {
  const calls = useApi(
    () => api.get<{ calls: ConnectorCallView[]; total: number }>(`${path}/calls?limit=50`),
    [path, refreshKey],
  );
  return (
    <>
      <h3>Outbound calls</h3>
      <ProblemMessage error={calls.error} />
      {calls.data && calls.data.calls.length === 0 && <p>No calls yet.</p>}
      {calls.data && calls.data.calls.length > 0 && (
        <DataTable
          caption={`Outbound calls, newest first (${calls.data.total} in all)`}
          columns={['When', 'Call', 'Status', 'Token', 'Scope']}
        >
          {calls.data.calls.map((call) => (
            <tr key={call.id}>
              <td>{formatDateTime(call.at)}</td>
              <td>
                <code>
                  {call.method} {call.endpoint}
                </code>
              </td>
              <td>
                {call.status ?? '–'} <span class="muted">{call.outcome}</span>
              </td>
              <td>{call.tokenFingerprint ? <code>{call.tokenFingerprint}</code> : '–'}</td>
              <td>{call.scope}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
