import { useEffect, useState } from 'preact/hooks';
import { getPageSummary, type PageSummary } from '../../utils/storage/page-summaries';
import { getCachedSummary } from '../../utils/storage/summary-cache';
import { formatKg } from '../../utils/format';
import { sendMessage, type AuthStatus } from '../../utils/messaging';
import { normalizeSummary, type SummaryView as View } from '../../utils/summary-shape';
import { SummaryView } from './summary-view';

export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

async function activeTabSummary(): Promise<PageSummary | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : getPageSummary(tab.id);
}

/** Opens from the cached summary at once, then refreshes it through the background. */
export function PopupApp() {
  const period = currentPeriod();
  const [status, setStatus] = useState<AuthStatus | undefined>();
  const [view, setView] = useState<View | undefined>();
  const [page, setPage] = useState<PageSummary | undefined>();
  const [note, setNote] = useState('');

  useEffect(() => {
    void getCachedSummary(period).then((cached) => cached && setView(normalizeSummary(cached.summary)));
    void activeTabSummary().then(setPage).catch(() => undefined);
    void sendMessage('auth-status', {}).then((answer) => {
      if (!answer.ok) return;
      setStatus(answer);
      if (!answer.signedIn) return;
      setNote('Refreshing…');
      void sendMessage('get-summary', { period }).then((fresh) => {
        if (fresh.ok) {
          setView(normalizeSummary(fresh.summary));
          setNote('');
        } else setNote(fresh.message);
      });
    });
  }, []);

  return (
    <main>
      <h1>Spendprint</h1>
      {page && (
        <p class="page-total" data-testid="page-total">
          This page: {page.totalKg === null ? 'no estimate' : `${formatKg(page.totalKg)} kg CO2e`} ({page.estimatedCount} of {page.lineCount} lines)
        </p>
      )}
      {status && !status.signedIn && (
        <p>
          Sign in from the{' '}
          <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>
            options page
          </a>{' '}
          to see your footprint.
        </p>
      )}
      {status?.signedIn && (
        <section aria-label={`Footprint for ${period}`}>
          <h2 class="period">Footprint {period}</h2>
          {view ? <SummaryView view={view} /> : <p>Loading…</p>}
          <p class="muted" aria-live="polite">{note}</p>
        </section>
      )}
    </main>
  );
}
