import { removeSessionKeys } from './session-keys';

/** The popup opens from the last summary it saw, then the background refreshes it. */
export interface CachedSummary {
  period: string;
  summary: unknown;
  fetchedAt: number;
}

const PREFIX = 'summary:';
const keyFor = (period: string) => `${PREFIX}${period}`;

export async function getCachedSummary(period: string): Promise<CachedSummary | undefined> {
  return (await browser.storage.session.get(keyFor(period)))[keyFor(period)] as CachedSummary | undefined;
}

export async function saveCachedSummary(entry: CachedSummary): Promise<void> {
  await browser.storage.session.set({ [keyFor(entry.period)]: entry });
}

export async function clearCachedSummaries(): Promise<void> {
  await removeSessionKeys(PREFIX);
}
