import type { MessagePayload } from '../messaging';
import { removeSessionKeys } from './session-keys';

/**
 * What a tab's content scripts last reported, for the popup's "this page" line. One report per
 * frame (ERP pages often show their lines in an iframe), each under its own key so that frames
 * reporting at the same moment cannot overwrite each other.
 */
export type PageSummary = MessagePayload<'report-page-summary'> & { at: number };
/** A frame's stored report also names the document that sent it. */
type FrameReport = PageSummary & { documentId?: string };

/** The frame and document a report comes from. */
export interface ReportingFrame {
  tabId: number;
  frameId: number;
  documentId?: string;
}

const PREFIX = 'pageSummary:';
const tabPrefix = (tabId: number) => `${PREFIX}${tabId}:`;

const frameKey = ({ tabId, frameId }: ReportingFrame) => `${tabPrefix(tabId)}${frameId}`;

export async function savePageSummary(frame: ReportingFrame, summary: MessagePayload<'report-page-summary'>): Promise<void> {
  const report: FrameReport = { ...summary, at: Date.now(), ...(frame.documentId ? { documentId: frame.documentId } : {}) };
  await browser.storage.session.set({ [frameKey(frame)]: report });
}

/**
 * Forgets a frame's report when its document leaves. A report the frame's next document has
 * already made stays: the old document's pagehide may arrive after it (another process).
 */
export async function forgetFramePageSummary(frame: ReportingFrame): Promise<void> {
  const key = frameKey(frame);
  const stored = (await browser.storage.session.get(key))[key] as FrameReport | undefined;
  if (stored?.documentId && frame.documentId && stored.documentId !== frame.documentId) return;
  await browser.storage.session.remove(key);
}

/** The tab's page as a whole: the sum of its frames' reports. */
export async function getPageSummary(tabId: number): Promise<PageSummary | undefined> {
  const frames = Object.entries(await browser.storage.session.get(null))
    .filter(([key]) => key.startsWith(tabPrefix(tabId)))
    .map(([, report]) => report as FrameReport);
  // From an empty summary, so the result carries the summed fields only (no frame's documentId).
  return frames.length === 0 ? undefined : frames.reduce(addSummaries, NO_LINES);
}

const NO_LINES: PageSummary = { lineCount: 0, estimatedCount: 0, totalKg: null, at: 0 };

function addSummaries(a: PageSummary, b: PageSummary): PageSummary {
  const totalKg = a.totalKg === null && b.totalKg === null ? null : Math.round(((a.totalKg ?? 0) + (b.totalKg ?? 0)) * 1000) / 1000;
  return { lineCount: a.lineCount + b.lineCount, estimatedCount: a.estimatedCount + b.estimatedCount, totalKg, at: Math.max(a.at, b.at) };
}

export async function forgetPageSummary(tabId: number): Promise<void> {
  await removeSessionKeys(tabPrefix(tabId));
}

export async function forgetAllPageSummaries(): Promise<void> {
  await removeSessionKeys(PREFIX);
}
