import { useState } from 'preact/hooks';
import { api, API_BASE } from '../api';
import { sha256Hex } from '../components/checksum';
import { shortHash } from '../components/format';
import { ProblemMessage } from '../components/problem-message';
import { ProgressNote } from '../components/progress-note';
import { useAction } from '../components/use-action';

interface ExportMade {
  id: string;
  bytes: number;
  sha256: string;
  verified: boolean;
}

const size = new Intl.NumberFormat('en', {
  style: 'unit',
  unit: 'kilobyte',
  maximumFractionDigits: 1,
});

/**
 * Builds the export (every tenant table, stored encrypted), checks its SHA-256 in the browser
 * against X-Content-SHA256, and links the stored copy for download.
 */
export function ExportPanel() {
  const action = useAction();
  const [made, setMade] = useState<ExportMade[]>([]);

  async function exportNow() {
    const result = await action.run('Exporting every table of the tenant…', async () => {
      const response = await api.getResponse('/governance/export');
      const body = await response.arrayBuffer();
      const sha256 = response.headers.get('x-content-sha256') ?? '';
      return {
        id: response.headers.get('x-export-id') ?? '',
        bytes: body.byteLength,
        sha256,
        verified: (await sha256Hex(body)) === sha256,
      };
    });
    if (result) setMade([result, ...made]);
  }

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Export all data</h2>
      <p class="muted">
        One JSON package with every table holding this tenant's rows (credential hashes and wrapped
        keys redacted). A copy is stored encrypted under the tenant key for download.
      </p>
      <button type="button" disabled={!!action.busy} onClick={() => void exportNow()}>
        Export now
      </button>
      <ProgressNote label={action.busy} />
      <ProblemMessage error={action.error} />
      {made.length > 0 && (
        <ul class="plain-list exports" aria-label="Exports made">
          {made.map((entry) => (
            <li key={entry.id} class={entry.verified ? 'status-ok' : 'problem'}>
              <code>{entry.id}</code>, {size.format(entry.bytes / 1000)}, SHA-256{' '}
              <code title={entry.sha256}>{shortHash(entry.sha256)}</code>{' '}
              {entry.verified
                ? '— checksum verified in your browser.'
                : '— the checksum does NOT match the body.'}{' '}
              <a href={`${API_BASE}/governance/exports/${entry.id}`} download={`${entry.id}.json`}>
                Download
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
