import { api } from '../api';
import type { RuleHistory } from '../api-types';
import { formatDateTime, shortHash } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';

/** Every version of a rule, oldest first; `tick` reloads it after a change. */
export function RuleHistoryTable({ ruleId, tick }: { ruleId: string; tick: number }) {
  const history = useApi(
    () => api.get<RuleHistory>(`/rules/${encodeURIComponent(ruleId)}/history`),
    [ruleId, tick],
  );
  return (
    <section aria-label={`Version history of ${ruleId}`}>
      <h3>Version history</h3>
      <ProblemMessage error={history.error} />
      {history.data && (
        <table class="compact-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">NAICS</th>
              <th scope="col">Matches</th>
              <th scope="col">State</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {history.data.versions.map((version) => (
              <tr key={version.version}>
                <td>v{version.version}</td>
                <td>{version.naics}</td>
                <td>
                  {version.kind === 'description-hash' ? shortHash(version.match) : version.match}
                </td>
                <td>{version.enabled ? 'enabled' : 'disabled'}</td>
                <td>
                  {formatDateTime(version.changedAt)} <span class="muted">{version.changedBy}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
