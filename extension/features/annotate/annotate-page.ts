import type { BadgeState, LowerEmissionHint } from '../../components/badge-state';
import { renderPageTotalBadge } from '../../components/page-total-badge';
import { isEstimated } from '../../utils/api/estimate-result';
import type { EstimateResult } from '../../utils/api/estimate-schema';
import { kgAttribute } from '../../utils/format';
import { timed } from '../../utils/main-thread-timing';
import { FALLBACK_MEDIAN_FACTOR } from '../../utils/intensity';
import { sendMessage, type MessagePayload } from '../../utils/messaging';
import type { FoundLine, FoundTotal, PageContext, ScanResult, SiteAdapter } from '../line-items/line-item';
import { watchLineItems } from '../line-items/scanner';
import { mountRecordPurchase } from '../record-purchase/mount-record-purchase';
import { createLineHost, mountLineBadge, type LineBadge } from './line-badge';
import { lowerEmissionHints } from './lower-emission-hints';
import { isSendableLine } from './sendable-line';
import { createShadowHost, type ShadowHost } from './shadow-host';

interface AnnotatedLine {
  line: FoundLine;
  result: EstimateResult | undefined;
  state: BadgeState;
  host: HTMLElement;
  view: LineBadge;
}

interface AnnotatedTotal {
  total: FoundTotal;
  badge: ShadowHost;
}

const openOptions = () => void sendMessage('open-options', {});

function sameHint(a: LowerEmissionHint | undefined, b: LowerEmissionHint | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'lowest') return b.kind === 'lowest' && a.groupSize === b.groupSize;
  return b.kind === 'alternative' && a.description === b.description && a.intensity === b.intensity;
}

function unableState(result: EstimateResult | undefined): BadgeState {
  if (!result) return { kind: 'unable', reason: 'no answer' };
  if (result.status === 'unable') return { kind: 'unable', reason: result.reason };
  return { kind: 'unable', reason: `classified as NAICS ${result.naics} ${result.naicsTitle}, but no amount to price`, naics: result.naics };
}

/**
 * Finds the page's line items, asks the background for estimates (one message per scan),
 * and shows a badge beside each price, a total beside the page's total, lower-emission hints
 * and, on carts, requisitions and orders, "Record this purchase". Everything is removed on abort.
 */
export function annotatePage(page: PageContext, adapters: readonly SiteAdapter[], signal: AbortSignal): void {
  const lines: AnnotatedLine[] = [];
  const totals: AnnotatedTotal[] = [];
  let medianFactor = FALLBACK_MEDIAN_FACTOR;
  /** What this frame last reported for the popup's "this page" line. */
  let summary: MessagePayload<'report-page-summary'> | undefined;
  /** Lines whose rows are still in the page: a single-page app may replace rows with new elements. */
  const presentLines = () => lines.filter((entry) => entry.line.row.isConnected);
  const record = mountRecordPurchase(page, () => presentLines().map((entry) => entry.line.fields), signal);

  /** Draws a line's badge; `fresh`: its host is new and carries no attributes yet. */
  const renderLine = (entry: AnnotatedLine, fresh: boolean) => {
    const { host } = entry;
    const estimated = entry.state.kind === 'estimated' ? entry.state.result : undefined;
    host.setAttribute('data-spendprint-kg', estimated ? kgAttribute(estimated.kgCO2e) : '');
    const classifiedOnly = entry.state.kind === 'unable' ? entry.state.naics : undefined;
    host.setAttribute('data-spendprint-naics', estimated?.naics ?? classifiedOnly ?? '');
    if (entry.state.kind === 'estimated' && entry.state.hint) host.setAttribute('data-spendprint-hint', entry.state.hint.kind);
    else if (!fresh) host.removeAttribute('data-spendprint-hint');
    entry.view.update(entry.state);
  };

  const createView = (host: HTMLElement, line: FoundLine, result: EstimateResult | undefined) =>
    mountLineBadge(host, {
      anchor: line.anchor,
      onSignIn: openOptions,
      onCorrect: async (suggestedNaics) => {
        const answer = await sendMessage('report-correction', {
          line: line.fields,
          ...(isEstimated(result) ? { estimatedNaics: result.naics } : {}),
          suggestedNaics,
        });
        return answer.ok;
      },
    });

  /** Hints, totals and the page summary; renders new lines once and changed lines again. */
  const refreshDerived = (fresh: ReadonlySet<AnnotatedLine>) => {
    const present = presentLines();
    const hints = lowerEmissionHints(
      present.map((entry) => ({ description: entry.line.fields.description, result: isEstimated(entry.result) ? entry.result : undefined })),
    );
    present.forEach((entry, index) => {
      const isNew = fresh.has(entry);
      let changed = isNew;
      if (entry.state.kind === 'estimated') {
        const hint = hints[index];
        if (!sameHint(hint, entry.state.hint)) {
          entry.state = hint ? { ...entry.state, hint } : { kind: 'estimated', result: entry.state.result, medianFactor: entry.state.medianFactor };
          changed = true;
        }
      }
      if (changed) renderLine(entry, isNew);
    });
    for (const { total, badge } of totals) {
      const covered = present.filter((entry) => total.scope.contains(entry.line.row));
      const estimated = covered.flatMap((entry) => (isEstimated(entry.result) ? [entry.result] : []));
      const totalKg = estimated.reduce((sum, result) => sum + result.kgCO2e, 0);
      badge.host.setAttribute('data-spendprint-total-kg', estimated.length ? kgAttribute(totalKg) : '');
      renderPageTotalBadge(badge.root, { totalKg, estimated: estimated.length, lines: covered.length });
    }
    const estimatedAll = present.flatMap((entry) => (isEstimated(entry.result) ? [entry.result] : []));
    const pageKg = estimatedAll.reduce((sum, result) => sum + result.kgCO2e, 0);
    summary = {
      lineCount: present.length,
      estimatedCount: estimatedAll.length,
      totalKg: estimatedAll.length ? Math.round(pageKg * 1000) / 1000 : null,
    };
    void sendMessage('report-page-summary', summary);
    record.update(present.length);
  };

  const handleScan = async (scan: ScanResult) => {
    const valid = timed('validate', () => scan.lines.filter((line) => isSendableLine(line.fields)));
    let results: Array<EstimateResult | undefined> = valid.map(() => undefined);
    let failure: BadgeState | undefined;
    if (valid.length > 0) {
      const answer = await sendMessage('estimate-lines', { lines: valid.map((line) => line.fields) });
      if (signal.aborted) return;
      if (answer.ok) {
        results = answer.results;
        medianFactor = answer.medianFactor ?? medianFactor;
      } else {
        failure = { kind: 'unavailable', message: answer.message, signedOut: answer.error === 'signed-out' };
      }
    }
    timed('annotate', () => showResults(valid, results, failure, scan.totals));
  };

  const showResults = (
    valid: FoundLine[],
    results: Array<EstimateResult | undefined>,
    failure: BadgeState | undefined,
    newTotals: FoundTotal[],
  ) => {
    const fresh = new Set<AnnotatedLine>();
    valid.forEach((line, index) => {
      const result = results[index];
      const state: BadgeState = failure ?? (isEstimated(result) ? { kind: 'estimated', result, medianFactor } : unableState(result));
      const host = createLineHost();
      const entry: AnnotatedLine = { line, result, state, host, view: createView(host, line, result) };
      lines.push(entry);
      fresh.add(entry);
    });
    const freshTotals = newTotals.map((total) => ({ total, badge: createShadowHost('total') }));
    totals.push(...freshTotals);
    // Badges are filled while still detached, then inserted in one pass: the page is touched
    // once per badge and lays out once.
    refreshDerived(fresh);
    for (const entry of fresh) entry.line.anchor.append(entry.host);
    for (const { total, badge } of freshTotals) total.anchor.append(badge.host);
  };

  // Scans are handled one after another so totals and hints see every earlier line.
  let queue = Promise.resolve();
  watchLineItems({
    page,
    adapters,
    signal,
    onScan: (scan) => {
      queue = queue.then(() => handleScan(scan)).catch(() => undefined);
    },
    // A single-page app removed rows (an item taken out of the cart): totals, hints and the
    // record button's count follow.
    onRemoval: () => {
      queue = queue.then(() => {
        if (summary && presentLines().length !== summary.lineCount) refreshDerived(new Set());
      });
    },
  });

  // A frame that navigates away, perhaps to a site the user did not grant (where nothing would
  // replace its report), takes its lines out of the tab's total; back/forward cache brings them back.
  addEventListener('pagehide', () => void sendMessage('forget-page-summary', {}), { signal });
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted && summary) void sendMessage('report-page-summary', summary);
    },
    { signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      for (const entry of lines) {
        entry.view.destroy();
        entry.host.remove();
      }
      for (const entry of totals) entry.badge.host.remove();
    },
    { once: true },
  );
}
