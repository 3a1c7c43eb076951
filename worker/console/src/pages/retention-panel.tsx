import { api } from '../api';
import type { RetentionSchedule } from '../api-types';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';

export function RetentionPanel() {
  const schedule = useApi(() => api.get<RetentionSchedule>('/governance/retention'));
  return (
    <section class="card" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention schedule</h2>
      <ProblemMessage error={schedule.error} />
      {schedule.data && (
        <table>
          <caption class="visually-hidden">How long each class of data is kept</caption>
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">Kept</th>
              <th scope="col">Enforced by</th>
            </tr>
          </thead>
          <tbody>
            {schedule.data.rules.map((rule) => (
              <tr key={rule.data}>
                <td>{rule.data}</td>
                <td>{rule.kept}</td>
                <td>{rule.enforcement}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
