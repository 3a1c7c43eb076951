import { useState } from 'preact/hooks';
import { api, API_BASE } from '../api';
import { DataTable } from '../components/data-table';
import { formatDateTime, shortHash } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { useApi } from '../components/use-api';
import { offers } from '../navigation';
import { useSession } from '../session';
import { CheckpointPanel } from './audit-checkpoints';

interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  hash: string;
}
interface AuditPageData {
  entries: AuditEntry[];
  nextAfterSeq: number | null;
}
type Verification =
  | { ok: true; size: number; head: string; from: number }
  | { ok: false; firstBadSeq: number; reason: string; detail: string };

/** The tenant's hash-chained audit log: filter, verify the chain, export, checkpoints. */
export function AuditPage() {
  const { operations } = useSession();
  const [entity, setEntity] = useState('');
  const [afterSeq, setAfterSeq] = useState(0);
  const query = new URLSearchParams({ afterSeq: String(afterSeq), limit: '50' });
  if (entity) query.set('entity', entity);
  const page = useApi(() => api.get<AuditPageData>(`/audit?${query}`), [entity, afterSeq]);
  const [verdict, setVerdict] = useState<Verification>();
  const [verifyError, setVerifyError] = useState<unknown>();
  const [verifying, setVerifying] = useState(false);

  async function verify() {
    setVerifying(true);
    setVerifyError(undefined);
    setVerdict(undefined);
    try {
      setVerdict(await api.get<Verification>('/audit/verify'));
    } catch (error) {
      setVerifyError(error);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <div class="toolbar">
        {offers(operations, '/audit/verify') && (
          <button type="button" onClick={() => void verify()} disabled={verifying}>
            {verifying ? 'Verifying…' : 'Verify the chain'}
          </button>
        )}
        {offers(operations, '/audit/export') && (
          <>
            <a class="button secondary" href={`${API_BASE}/audit/export?format=jsonl`} download>
              Export JSONL
            </a>
            <a class="button secondary" href={`${API_BASE}/audit/export?format=csv`} download>
              Export CSV
            </a>
          </>
        )}
      </div>
      <VerificationResult verdict={verdict} />
      <ProblemMessage error={verifyError} />

      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const input = (event.currentTarget as HTMLFormElement).elements.namedItem('entity');
          setEntity((input as HTMLInputElement).value.trim());
          setAfterSeq(0);
        }}
      >
        <label for="audit-entity">Entity type</label>
        <input id="audit-entity" name="entity" placeholder="e.g. session, user, rule" />
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>

      <ProblemMessage error={page.error} />
      {page.loading && <p role="status">Loading…</p>}
      {page.data && <AuditTable entries={page.data.entries} />}
      <div class="pager">
        {afterSeq > 0 && (
          <button type="button" class="secondary" onClick={() => setAfterSeq(0)}>
            First page
          </button>
        )}
        {page.data?.nextAfterSeq != null && (
          <button
            type="button"
            class="secondary"
            onClick={() => setAfterSeq(page.data!.nextAfterSeq!)}
          >
            Next page
          </button>
        )}
      </div>
      {offers(operations, '/audit/checkpoints/latest') && <CheckpointPanel />}
    </section>
  );
}

function VerificationResult({ verdict }: { verdict: Verification | undefined }) {
  if (!verdict) return null;
  return verdict.ok ? (
    <p class="status-ok" role="status" data-testid="audit-verdict">
      Chain verified: {verdict.size} entries from #{verdict.from}, head{' '}
      <code title={verdict.head}>{shortHash(verdict.head)}</code>.
    </p>
  ) : (
    <div class="problem" role="alert" data-testid="audit-verdict">
      <strong>The chain does not verify at entry #{verdict.firstBadSeq}</strong>
      <p>
        {verdict.reason}: {verdict.detail}
      </p>
    </div>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p>No entries match.</p>;
  return (
    <DataTable
      caption="Audit entries, oldest first"
      columns={['#', 'When', 'Actor', 'Action', 'Entity', 'Hash']}
    >
      {entries.map((entry) => (
        <tr key={entry.seq}>
          <td>{entry.seq}</td>
          <td>{formatDateTime(entry.at)}</td>
          <td>{entry.actor}</td>
          <td>{entry.action}</td>
          <td>
            {entry.entityType} <span class="muted">{entry.entityId}</span>
          </td>
          <td>
            <code title={entry.hash}>{shortHash(entry.hash)}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
