import { timed } from '../../utils/main-thread-timing';
import { isOwnElement } from './host-marker';
import type { FoundLine, FoundTotal, PageContext, ScanResult, SiteAdapter } from './line-item';

export interface WatchOptions {
  page: PageContext;
  adapters: readonly SiteAdapter[];
  signal: AbortSignal;
  /** Called once for the first scan and then once per batch of added nodes with new lines. */
  onScan(result: ScanResult): void;
  /** Called after a batch that removed page elements and found no new line (a row may be gone). */
  onRemoval(): void;
}

/** Keeps only lines and totals not seen before (by row and by anchor, across adapters). */
function createDeduper() {
  const seenRows = new WeakSet<Element>();
  const seenAnchors = new WeakSet<Element>();
  return (results: ScanResult[]): ScanResult => {
    const lines: FoundLine[] = [];
    const totals: FoundTotal[] = [];
    for (const result of results) {
      for (const line of result.lines) {
        if (seenRows.has(line.row) || seenAnchors.has(line.anchor)) continue;
        seenRows.add(line.row);
        seenAnchors.add(line.anchor);
        lines.push(line);
      }
      for (const total of result.totals) {
        if (seenAnchors.has(total.anchor)) continue;
        seenAnchors.add(total.anchor);
        totals.push(total);
      }
    }
    return { lines, totals };
  };
}

function removesPageElement(record: MutationRecord): boolean {
  const nodes = record.removedNodes;
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i]!.nodeType === 1 && !isOwnElement(nodes[i]!)) return true;
  }
  return false;
}

/** Added elements, minus our own and minus those inside another added element. */
function addedRoots(records: MutationRecord[]): Element[] {
  const added = new Set<Element>();
  // Indexed reads rather than Array.from(addedNodes): that costs more per record, and inserting
  // 500 badges queues 500 records.
  for (const record of records) {
    const nodes = record.addedNodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.nodeType === 1 && !isOwnElement(node)) added.add(node as Element);
    }
  }
  return [...added].filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (added.has(parent)) return false;
    }
    return element.isConnected;
  });
}

/**
 * Scans the page once with every applicable adapter, then watches for added nodes and hands
 * only those to the adapters (single-page apps add rows without reloading). Stops on abort.
 */
export function watchLineItems({ page, adapters, signal, onScan, onRemoval }: WatchOptions): void {
  if (signal.aborted) return;
  const active = adapters.filter((adapter) => adapter.appliesTo(page));
  if (active.length === 0) return;
  const dedupe = createDeduper();
  const scan = (root: Document | Element) => active.map((adapter) => adapter.find(root, page));

  const first = timed('scan', () => dedupe(scan(page.document)));
  onScan(first);

  let pending: MutationRecord[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (signal.aborted) return;
    const records = pending;
    pending = [];
    const result = timed('observe', () => {
      const roots = addedRoots(records);
      return roots.length === 0 ? undefined : dedupe(roots.flatMap(scan));
    });
    if (result && (result.lines.length > 0 || result.totals.length > 0)) onScan(result);
    else if (records.some(removesPageElement)) onRemoval();
  };
  const observer = new MutationObserver((records) => {
    pending.push(...records);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  });
  observer.observe(page.document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    pending = [];
  }, { once: true });
}
