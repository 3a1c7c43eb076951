import { can } from '../../../../shared/roles';
import { api } from '../api';
import type { Period, PeriodList } from '../api-types';
import { ConfirmButton } from '../components/confirm-button';
import { DataTable } from '../components/data-table';
import { formatDate, formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';
import { useApi } from '../components/use-api';
import { useSession } from '../session';
import { PeriodForm } from './period-form';

/** Reporting periods: approvers define and sign them off, admins reopen; everyone may look. */
export function PeriodsPage() {
  const { me } = useSession();
  const periods = useApi(() => api.get<PeriodList>('/periods'));
  const action = useAction();
  const maySignOff = can(me.role, 'periods:sign-off');
  const mayReopen = can(me.role, 'settings:manage');

  async function act(period: Period, verb: 'sign-off' | 'reopen') {
    await action.run(
      verb === 'sign-off' ? `Signing off ${period.name}…` : `Reopening ${period.name}…`,
      () => api.post(`/periods/${encodeURIComponent(period.id)}/${verb}`, {}),
    );
    periods.reload();
  }

  return (
    <section aria-labelledby="periods-title">
      <h1 id="periods-title">Periods</h1>
      <p class="muted">
        Once a period is signed off, no spend line dated on or before its end can be recorded or
        changed — the database refuses it — until an admin reopens the period.
      </p>
      <ProgressNote label={action.busy ?? (periods.loading ? 'Loading periods…' : undefined)} />
      <ProblemMessage error={action.error ?? periods.error} />
      {periods.data && periods.data.periods.length === 0 && <p>No periods defined yet.</p>}
      {periods.data && periods.data.periods.length > 0 && (
        <DataTable
          caption="Reporting periods"
          columns={['Period', 'From', 'To', 'Status', 'Actions']}
        >
          {periods.data.periods.map((period) => (
            <tr key={period.id}>
              <td>{period.name}</td>
              <td>{formatDate(period.startDate)}</td>
              <td>{formatDate(period.endDate)}</td>
              <td>
                {period.status === 'signed-off' ? (
                  <>
                    <span class="tag locked">signed off</span>{' '}
                    <span class="muted">
                      {period.signedOffAt && formatDateTime(period.signedOffAt)} by{' '}
                      {period.signedOffBy === me.userId ? 'you' : period.signedOffBy}
                    </span>
                  </>
                ) : (
                  'open'
                )}
              </td>
              <td class="actions">
                {period.status === 'open' && maySignOff && (
                  <ConfirmButton
                    label="Sign off"
                    confirmLabel={`Yes, sign off ${period.name}`}
                    warning={`Spend lines dated on or before ${formatDate(period.endDate)} will be locked.`}
                    disabled={!!action.busy}
                    onConfirm={() => act(period, 'sign-off')}
                  />
                )}
                {period.status === 'signed-off' && mayReopen && (
                  <ConfirmButton
                    label="Reopen"
                    confirmLabel={`Yes, reopen ${period.name}`}
                    warning="Lines in the period can change again; the reopening is audited."
                    danger
                    disabled={!!action.busy}
                    onConfirm={() => act(period, 'reopen')}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {maySignOff && <PeriodForm onCreated={periods.reload} />}
    </section>
  );
}
