/**
 * Coupa Core API purchase orders (JSON, `Accept: application/json`), as documented: an array of
 * order headers with `id`, `po-number`, `status`, `created-at`, `updated-at`, `currency {code}`,
 * `supplier {name}` and `order-lines`, each line with `id`, `line-num`, `description`, `price`,
 * `quantity`, `total` (decimals, often sent as strings), `currency {code}`, `account {code,name}`,
 * `commodity {name}` and optionally its own `supplier`. Parsing is lenient on extra fields and
 * strict on what a spend line needs; a bad line is skipped with a reason, never its text.
 */
import { z } from 'zod';
import { recordLineSchema } from '../../../../../shared/api/spend';
import type { IncomingLine } from '../../spend/record-spend';
import { ErpError } from '../outbound-client';

const decimal = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/),
  ])
  .transform((value) => Number(value));

const named = z.looseObject({ name: z.string().nullish() }).nullish();
const currency = z.looseObject({ code: z.string().nullish() }).nullish();

const OrderHeader = z.looseObject({
  id: z.number().int(),
  'po-number': z.union([z.string(), z.number()]).transform(String),
  status: z.string().nullish(),
  'created-at': z.string(),
  'updated-at': z.string(),
  currency,
  supplier: named,
  'order-lines': z.array(z.unknown()).default([]),
});

const OrderLine = z.looseObject({
  id: z.number().int(),
  'line-num': z.union([z.number().int(), z.string()]).nullish(),
  description: z.string().nullish(),
  price: decimal.nullish(),
  quantity: decimal.nullish(),
  total: decimal.nullish(),
  currency,
  account: z.looseObject({ code: z.string().nullish(), name: z.string().nullish() }).nullish(),
  commodity: named,
  supplier: named,
});

export type CoupaOrder = z.infer<typeof OrderHeader>;

/** The fields a pull asks for (Coupa's `fields` parameter): nothing else leaves the ERP. */
export const ORDER_FIELDS = JSON.stringify([
  'id',
  'po-number',
  'status',
  'created-at',
  'updated-at',
  { currency: ['code'] },
  { supplier: ['name'] },
  {
    'order-lines': [
      'id',
      'line-num',
      'description',
      'price',
      'quantity',
      'total',
      { currency: ['code'] },
      { account: ['code', 'name'] },
      { commodity: ['name'] },
      { supplier: ['name'] },
    ],
  },
]);

export function parseOrderPage(body: string): CoupaOrder[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ErpError('the purchase order list is not JSON');
  }
  const page = z.array(OrderHeader).safeParse(json);
  if (!page.success) {
    throw new ErpError('the purchase order list is not in the documented Coupa shape');
  }
  return page.data;
}

export interface OrderLines {
  lines: IncomingLine[];
  skipped: string[];
}

/** ERP line id: "<po-number>/<line-num>", the form a CSV export of the same order carries. */
export function erpLineIdOf(
  poNumber: string,
  lineNum: string | number | null | undefined,
  id: number,
) {
  return `${poNumber}/${lineNum ?? `id-${id}`}`;
}

export function linesOfOrder(order: CoupaOrder): OrderLines {
  const lines: IncomingLine[] = [];
  const skipped: string[] = [];
  const date = /^\d{4}-\d{2}-\d{2}/.exec(order['created-at'])?.[0];
  order['order-lines'].forEach((raw, index) => {
    const parsed = OrderLine.safeParse(raw);
    if (!parsed.success) {
      skipped.push(`PO ${order['po-number']} line ${index + 1}: not in the documented shape`);
      return;
    }
    const line = parsed.data;
    const erpLineId = erpLineIdOf(order['po-number'], line['line-num'], line.id);
    const amount =
      line.total ??
      (line.price != null && line.quantity != null ? line.price * line.quantity : undefined);
    const candidate = {
      description: line.description ?? '',
      amount,
      currency: line.currency?.code ?? order.currency?.code ?? undefined,
      date,
      supplier: line.supplier?.name ?? order.supplier?.name ?? undefined,
      glAccount: line.account?.code ?? line.account?.name ?? undefined,
      quantity: line.quantity ?? undefined,
      erpLineId,
    };
    const valid = recordLineSchema.safeParse(candidate);
    if (!valid.success) {
      const fields = [...new Set(valid.error.issues.map((issue) => issue.path.join('.')))];
      skipped.push(`PO line ${erpLineId}: missing or invalid ${fields.join(', ')}`);
      return;
    }
    lines.push(valid.data);
  });
  return { lines, skipped };
}
