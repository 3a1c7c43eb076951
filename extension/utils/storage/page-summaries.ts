import type { MessagePayload } from '../messaging';
import { removeSessionKeys } from './session-keys';

/**
 * What a tab's content scripts last reported, for the popup's "this page" line. One report per
 * frame (ERP pages often show their lines in an iframe), each under its own key so that frames
 * reporting at the same moment cannot overwrite each other.
 */
export type PageSummary = MessagePayload<'report-page-summary'> & { at: number };

const PREFIX = 'pageSummary:';
const tabPrefix = (tabId: number) => `${PREFIX}${tabId}:`;

export async function savePageSummary(tabId: number, frameId: number, summary: MessagePayload<'report-page-summary'>): Promise<void> {
  await browser.storage.session.set({ [`${tabPrefix(tabId)}${frameId}`]: { ...summary, at: Date.now() } });
}

/** The tab's page as a whole: the sum of its frames' reports. */
export async function getPageSummary(tabId: number): Promise<PageSummary | undefined> {
  const frames = Object.entries(await browser.storage.session.get(null))
    .filter(([key]) => key.startsWith(tabPrefix(tabId)))
    .map(([, summary]) => summary as PageSummary);
  return frames.length === 0 ? undefined : frames.reduce(addSummaries);
}

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
