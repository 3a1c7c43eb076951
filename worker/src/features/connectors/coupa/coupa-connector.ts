import type { ConnectorDefinition, ErpRead, PullStart } from '../connector-definition';
import { ErpError } from '../outbound-client';
import { takeWindow, type ListedDocument } from '../pull-window';
import { linesOfOrder, ORDER_FIELDS, parseOrderPage, type CoupaOrder } from './coupa-documents';

const PURCHASE_ORDERS = '/api/purchase_orders';
/** Coupa returns at most 50 records per call. */
const PAGE_SIZE = 50;
/** One pull stays well inside a Worker invocation's D1 and CPU budget; the next continues. */
const BUDGET = { pageSize: PAGE_SIZE, maxPages: 10, maxLines: 500 };
/** Only orders sent to suppliers count as spend; drafts and holds come in once issued. */
const COUNTED_STATUSES = 'issued,closed';

function isNoResults(status: number, body: string): boolean {
  // Coupa answers an empty search with 404 and a "No results" message rather than `[]`.
  return status === 404 && /no results/i.test(body);
}

async function listOrders(
  read: ErpRead,
  after: string,
  offset: number,
): Promise<ListedDocument<CoupaOrder>[]> {
  const query = new URLSearchParams({
    'status[in]': COUNTED_STATUSES,
    'updated_at[gt]': after,
    order_by: 'updated_at',
    dir: 'asc',
    limit: String(PAGE_SIZE),
    offset: String(offset),
    fields: ORDER_FIELDS,
  });
  const answer = await read(PURCHASE_ORDERS, query);
  if (isNoResults(answer.status, answer.body)) return [];
  if (answer.status !== 200)
    throw new ErpError(`the purchase order list answered ${answer.status}`);
  return parseOrderPage(answer.body).map((order) => ({
    updatedAt: order['updated-at'],
    lineCount: order['order-lines'].length,
    document: order,
  }));
}

/** Coupa purchase orders, read through the Core API with `core.purchase_order.read`. */
export const coupaConnector: ConnectorDefinition = {
  kind: 'coupa',
  reads: [{ operation: 'list-purchase-orders', method: 'GET', path: PURCHASE_ORDERS }],
  async pullNewLines(read: ErpRead, start: PullStart) {
    const after = start.cursor ?? start.since;
    const window = await takeWindow(
      (offset) => listOrders(read, after, offset),
      BUDGET,
      start.cursor,
    );
    const mapped = window.taken.map(linesOfOrder);
    return {
      documents: window.taken.length,
      lines: mapped.flatMap((order) => order.lines),
      skipped: mapped.flatMap((order) => order.skipped),
      warnings: window.warnings,
      cursor: window.cursor,
      more: window.more,
    };
  },
};
