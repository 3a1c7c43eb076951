import { useState } from 'preact/hooks';
import { CAPABILITIES, can } from '../../../../shared/roles';
import { api } from '../api';
import type { Summary } from '../api-types';
import { Link } from '../components/link';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useApi } from '../components/use-api';
import { offers } from '../navigation';
import { useSession } from '../session';
import { FootprintSummary } from './footprint-summary';
import { SummaryFilters, type SummaryFilter } from './summary-filters';

/** Tenant, role and the period's footprint (when the summary API is deployed). */
export function DashboardPage() {
  const { me, operations } = useSession();
  const hasSummary = offers(operations, '/summary');
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <div class="tiles">
        <div class="tile">
          <span class="tile-label">Tenant</span>
          <span class="tile-value">{me.tenant.name}</span>
          <span class="muted">{me.tenant.plan} plan</span>
        </div>
        <div class="tile">
          <span class="tile-label">Your role</span>
          <span class="tile-value capitalize">{me.role}</span>
          <span class="muted">{me.email}</span>
        </div>
        <div class="tile">
          <span class="tile-label">Two-factor sign-in</span>
          <span class="tile-value">{me.totpEnabled ? 'On' : 'Off'}</span>
          {!me.totpEnabled && <Link to="/security">Turn it on</Link>}
        </div>
      </div>
      {hasSummary ? (
        <SummarySection />
      ) : (
        <p class="card muted">
          The footprint summary appears here once the Worker offers <code>GET /api/v1/summary</code>
          .
        </p>
      )}
      <details class="card">
        <summary>What your role may do</summary>
        <ul class="capabilities">
          {CAPABILITIES.filter((capability) => can(me.role, capability)).map((capability) => (
            <li key={capability}>
              <code>{capability}</code>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function SummarySection() {
  const [filter, setFilter] = useState<SummaryFilter>({ period: '', team: '' });
  const summary = useApi(() => {
    const query = new URLSearchParams();
    if (filter.period) query.set('period', filter.period);
    if (filter.team) query.set('team', filter.team);
    return api.get<Summary>(`/summary?${query}`);
  }, [filter.period, filter.team]);
  return (
    <>
      <SummaryFilters filter={filter} shownPeriod={summary.data?.period} onChange={setFilter} />
      <ProgressNote label={summary.loading ? 'Loading the footprint…' : undefined} />
      <ProblemMessage error={summary.error} />
      {summary.data && <FootprintSummary summary={summary.data} />}
    </>
  );
}
