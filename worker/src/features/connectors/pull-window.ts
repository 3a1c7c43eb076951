import { ErpError } from './outbound-client';

/**
 * Which documents one pull takes, and the cursor it leaves. The ERP lists documents updated
 * after the cursor in ascending "updated at" order, paged by offset. A pull stops at a page or
 * line budget; the cursor then stays below any "updated at" it may not have fully seen, so a
 * document sharing that instant with an unseen one is fetched again next time (and counted
 * once, by its ERP line ids) rather than skipped.
 */
export interface ListedDocument<T> {
  updatedAt: string;
  lineCount: number;
  document: T;
}

export interface PullBudget {
  pageSize: number;
  maxPages: number;
  maxLines: number;
}

export interface PullWindow<T> {
  taken: T[];
  cursor: string | null;
  more: boolean;
  warnings: string[];
}

function instant(updatedAt: string): number {
  const ms = Date.parse(updatedAt);
  if (Number.isNaN(ms)) throw new ErpError('a document has no readable "updated at"');
  return ms;
}

export async function takeWindow<T>(
  fetchPage: (offset: number) => Promise<ListedDocument<T>[]>,
  budget: PullBudget,
  previousCursor: string | null,
): Promise<PullWindow<T>> {
  const taken: ListedDocument<T>[] = [];
  let lines = 0;
  let lastInstant = -Infinity;
  // undefined: everything was seen; null: stopped at the page budget (what follows is unknown).
  let firstUnseen: ListedDocument<T> | null | undefined;
  pages: for (let page = 0; ; page++) {
    if (page === budget.maxPages) {
      firstUnseen = null;
      break;
    }
    const listed = await fetchPage(page * budget.pageSize);
    for (const item of listed) {
      const at = instant(item.updatedAt);
      if (at < lastInstant) throw new ErpError('the ERP did not list documents in update order');
      lastInstant = at;
      if (taken.length > 0 && lines + item.lineCount > budget.maxLines) {
        firstUnseen = item;
        break pages;
      }
      taken.push(item);
      lines += item.lineCount;
    }
    if (listed.length < budget.pageSize) break;
  }
  return {
    taken: taken.map((item) => item.document),
    ...cursorAfter(taken, firstUnseen, previousCursor),
  };
}

function cursorAfter<T>(
  taken: ListedDocument<T>[],
  firstUnseen: ListedDocument<T> | null | undefined,
  previousCursor: string | null,
): { cursor: string | null; more: boolean; warnings: string[] } {
  const last = taken.at(-1);
  if (!last) return { cursor: previousCursor, more: false, warnings: [] };
  if (firstUnseen === undefined) return { cursor: last.updatedAt, more: false, warnings: [] };
  const lastAt = instant(last.updatedAt);
  if (firstUnseen && instant(firstUnseen.updatedAt) > lastAt) {
    return { cursor: last.updatedAt, more: true, warnings: [] };
  }
  const below = taken.filter((item) => instant(item.updatedAt) < lastAt).at(-1);
  if (below) return { cursor: below.updatedAt, more: true, warnings: [] };
  return {
    cursor: last.updatedAt,
    more: true,
    warnings: [
      `more documents than one pull takes share the update time ${last.updatedAt}; some of them may be missed`,
    ],
  };
}
