import type { MessagePayload } from '../messaging';
import { removeSessionKeys } from './session-keys';

/** What a tab's content script last reported, for the popup's "this page" line. */
export type PageSummary = MessagePayload<'report-page-summary'> & { at: number };

const PREFIX = 'pageSummary:';
const keyFor = (tabId: number) => `${PREFIX}${tabId}`;

export async function savePageSummary(tabId: number, summary: MessagePayload<'report-page-summary'>): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: { ...summary, at: Date.now() } });
}

export async function getPageSummary(tabId: number): Promise<PageSummary | undefined> {
  return (await browser.storage.session.get(keyFor(tabId)))[keyFor(tabId)] as PageSummary | undefined;
}

export async function forgetPageSummary(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

export async function forgetAllPageSummaries(): Promise<void> {
  await removeSessionKeys(PREFIX);
}
