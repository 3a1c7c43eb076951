import { useState } from 'preact/hooks';
import type { Report } from '../../../../shared/api/reports';
import { can } from '../../../../shared/roles';
import { api } from '../api';
import { DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';
import { offers } from '../navigation';
import { useSession } from '../session';
import { ReportDetail } from './reports-detail';
import { STATUS_LABELS, tonnes } from './reports-format';
import { ReportPrepareForm } from './reports-prepare-form';

/**
 * Scope 3 Category 1 reports: analysts prepare and submit, another approver approves or
 * rejects with a comment, everyone who may read them downloads the artefacts with their
 * checksums. Buttons appear only for what the role (and the four-eyes rule) allows.
 */
export function ReportsPage() {
  const { me, operations } = useSession();
  const list = useApi(() => api.get<{ reports: Report[] }>('/reports'));
  const [selectedId, setSelectedId] = useState<string>();
  const selected = list.data?.reports.find((r) => r.id === selectedId);
  const canPrepare = can(me.role, 'reports:prepare') && offers(operations, '/reports', 'post');

  const show = (report: Report) => {
    setSelectedId(report.id);
    list.reload();
  };

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      {canPrepare && <ReportPrepareForm onPrepared={show} />}
      <ProblemMessage error={list.error} />
      {list.loading && !list.data && <p role="status">Loading reports…</p>}
      {list.data && list.data.reports.length === 0 && <p>No reports yet.</p>}
      {list.data && list.data.reports.length > 0 && (
        <ReportTable reports={list.data.reports} selectedId={selectedId} onSelect={setSelectedId} />
      )}
      {selected && <ReportDetail key={selected.id} report={selected} onChanged={show} />}
    </section>
  );
}

function ReportTable({
  reports,
  selectedId,
  onSelect,
}: {
  reports: Report[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <DataTable
      caption="Reports, newest first"
      columns={[
        'Period',
        'Version',
        'Status',
        'Gross Scope 3 Cat. 1',
        'Prepared',
        { hidden: 'Open' },
      ]}
    >
      {reports.map((report) => (
        <tr key={report.id} aria-selected={report.id === selectedId}>
          <td>{report.period.name}</td>
          <td>v{report.version}</td>
          <td>
            <span class={`report-status report-status-${report.status}`}>
              {STATUS_LABELS[report.status]}
            </span>
          </td>
          <td>{tonnes(report.totals.tCO2e)}</td>
          <td>
            {report.preparedBy.name}, {formatDateTime(report.preparedAt)}
          </td>
          <td>
            <button
              type="button"
              class="secondary"
              aria-label={`Open ${report.period.name} v${report.version}`}
              onClick={() => onSelect(report.id)}
            >
              Open
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
