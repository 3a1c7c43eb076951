import { useState } from 'preact/hooks';
import type { Report } from '../../../../shared/api/reports';
import { can } from '../../../../shared/roles';
import { api, API_BASE } from '../api';
import { formatDateTime } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useSession } from '../session';
import { ReportDecisionForm } from './reports-decision-form';
import { STATUS_LABELS, tonnes } from './reports-format';

const usd = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One report: figures, what it pins, its history, its files with checksums, and the next step. */
export function ReportDetail({
  report,
  onChanged,
}: {
  report: Report;
  onChanged: (report: Report) => void;
}) {
  const title = `${report.period.name}, version ${report.version}`;
  return (
    <article class="card report-detail" aria-labelledby="report-detail-title">
      <h2 id="report-detail-title">{title}</h2>
      <p>
        <span class={`report-status report-status-${report.status}`}>
          {STATUS_LABELS[report.status]}
        </span>{' '}
        <span class="muted">
          {report.period.startDate} to {report.period.endDate}; period{' '}
          {report.period.status === 'signed-off' ? 'signed off' : 'open'} when prepared
        </span>
      </p>
      <div class="tiles">
        <Tile label="Gross Scope 3 Cat. 1 (ESRS E1-6)" value={tonnes(report.totals.tCO2e)} />
        <Tile label="Spend" value={usd.format(report.totals.spendUsd)} />
        <Tile
          label="Lines (not estimated)"
          value={`${report.totals.lines} (${report.totals.unestimatedLines})`}
        />
      </div>
      <History report={report} />
      <Pinned report={report} />
      <Artefacts report={report} />
      <NextStep report={report} onChanged={onChanged} />
    </article>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div class="tile">
      <span class="tile-label">{label}</span>
      <span class="tile-value">{value}</span>
    </div>
  );
}

function History({ report }: { report: Report }) {
  return (
    <>
      <h3>History</h3>
      <ul class="plain-list" data-testid="report-history">
        <li>
          Prepared by {report.preparedBy.name}, {formatDateTime(report.preparedAt)}
          {report.supersedesId && <> (corrects report {report.supersedesId})</>}
        </li>
        {report.submittedBy && report.submittedAt && (
          <li>
            Submitted by {report.submittedBy.name}, {formatDateTime(report.submittedAt)}
          </li>
        )}
        {report.decidedBy && report.decidedAt && (
          <li>
            {report.status === 'approved' ? 'Approved' : 'Rejected'} by {report.decidedBy.name},{' '}
            {formatDateTime(report.decidedAt)}
            {report.decisionComment && <>: “{report.decisionComment}”</>}
          </li>
        )}
        {report.supersededById && <li>Corrected by report {report.supersededById}</li>}
      </ul>
    </>
  );
}

function Pinned({ report }: { report: Report }) {
  return (
    <details>
      <summary>
        Computed with rule version {report.pinned.ruleVersion} and {report.pinned.factorSets.length}{' '}
        factor set
        {report.pinned.factorSets.length === 1 ? '' : 's'}
      </summary>
      <ul class="plain-list">
        {report.pinned.factorSets.map((set) => (
          <li key={`${set.dataset}@${set.version}`}>
            {set.method}: {set.dataset}, version {set.version}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Artefacts({ report }: { report: Report }) {
  return (
    <>
      <h3>Files</h3>
      <p class="hint">
        Each download is decrypted and checked on the server; its SHA-256 below is also sent in the{' '}
        <code>X-Content-SHA256</code> header. Compare it with your copy (e.g. <code>sha256sum</code>
        ).
      </p>
      <ul class="plain-list report-files">
        {report.artefacts.map((artefact) => (
          <li key={artefact.format}>
            <a
              class="button secondary"
              href={`${API_BASE}/reports/${encodeURIComponent(report.id)}/download?format=${artefact.format}`}
              download={artefact.filename}
            >
              Download {artefact.format.toUpperCase()}
            </a>{' '}
            <span class="muted">{kib(artefact.bytes)}</span>
            <div>
              SHA-256{' '}
              <code class="wrap" data-testid={`sha256-${artefact.format}`}>
                {artefact.sha256}
              </code>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The one action the user may take now, if any. */
function NextStep({ report, onChanged }: { report: Report; onChanged: (r: Report) => void }) {
  const { me } = useSession();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function run(path: string) {
    setError(undefined);
    setBusy(true);
    try {
      onChanged(await api.post<Report>(`/reports/${encodeURIComponent(report.id)}/${path}`, {}));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const mayPrepare = can(me.role, 'reports:prepare');
  const mayApprove = can(me.role, 'reports:approve');
  const ownWork = report.preparedBy.id === me.userId || report.submittedBy?.id === me.userId;
  return (
    <div class="toolbar">
      {report.status === 'draft' && mayPrepare && (
        <button type="button" disabled={busy} onClick={() => void run('submit')}>
          Submit for approval
        </button>
      )}
      {report.status === 'submitted' && mayApprove && !ownWork && (
        <ReportDecisionForm report={report} onDecided={onChanged} />
      )}
      {report.status === 'submitted' && mayApprove && ownWork && (
        <p class="muted">You prepared or submitted this report: another approver decides on it.</p>
      )}
      {(report.status === 'approved' || report.status === 'rejected') &&
        mayPrepare &&
        !report.supersededById && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => void run('revise')}
          >
            Revise (new version)
          </button>
        )}
      <ProblemMessage error={error} />
    </div>
  );
}
