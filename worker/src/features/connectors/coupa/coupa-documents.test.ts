import { describe, expect, it } from 'vitest';
import { ErpError } from '../outbound-client';
import { linesOfOrder, parseOrderPage } from './coupa-documents';

const ORDER = {
  id: 4711,
  'po-number': 'PO-4711',
  status: 'issued',
  'created-at': '2026-02-03T09:15:00-08:00',
  'updated-at': '2026-02-04T10:00:00-08:00',
  currency: { id: 1, code: 'EUR' },
  supplier: { id: 9, name: 'Office Depot', number: 'S-9' },
  'order-lines': [
    {
      id: 1,
      'line-num': 1,
      description: 'Copy paper A4, 80 g, 5 reams',
      price: '4.50',
      quantity: '10.0',
      total: '45.00',
      currency: { code: 'EUR' },
      account: { id: 3, code: '6100-OFFICE', name: 'Office supplies' },
      commodity: { id: 2, name: 'Paper' },
      'need-by-date': null,
    },
    {
      id: 2,
      'line-num': 2,
      description: 'Courier delivery',
      price: 12,
      quantity: null,
      total: null,
      currency: null,
      account: null,
      commodity: null,
      supplier: { name: 'DHL Express' },
    },
    { id: 3, 'line-num': 3, description: '', price: '1.00', quantity: '1', total: '1.00' },
    { id: 4, 'line-num': 4, description: 'Refund', price: '-5', quantity: '1', total: '-5.00' },
    { 'line-num': 5, description: 'No id' },
  ],
};

describe('Coupa purchase orders', () => {
  it('map each documented order line to a spend line keyed by "<po-number>/<line-num>"', () => {
    const [order] = parseOrderPage(JSON.stringify([ORDER]));
    const { lines, skipped } = linesOfOrder(order!);
    expect(lines).toEqual([
      {
        description: 'Copy paper A4, 80 g, 5 reams',
        amount: 45,
        currency: 'EUR',
        date: '2026-02-03',
        supplier: 'Office Depot',
        glAccount: '6100-OFFICE',
        quantity: 10,
        erpLineId: 'PO-4711/1',
      },
    ]);
    expect(skipped).toEqual([
      'PO line PO-4711/2: missing or invalid amount',
      'PO line PO-4711/3: missing or invalid description',
      'PO line PO-4711/4: missing or invalid amount',
      'PO PO-4711 line 5: not in the documented shape',
    ]);
    // Reasons name lines, never their text.
    expect(skipped.join(' ')).not.toMatch(/Courier|Refund/);
  });

  it('take price × quantity when a line has no total, and the line supplier over the header', () => {
    const order = {
      ...ORDER,
      'order-lines': [{ ...ORDER['order-lines'][1], quantity: '2', supplier: { name: 'DHL' } }],
    };
    const [parsed] = parseOrderPage(JSON.stringify([order]));
    expect(linesOfOrder(parsed!).lines[0]).toMatchObject({ amount: 24, supplier: 'DHL' });
  });

  it('refuse a page that is not the documented list of orders', () => {
    expect(() => parseOrderPage('<order-headers/>')).toThrow(ErpError);
    expect(() => parseOrderPage(JSON.stringify({ 'order-headers': [] }))).toThrow(/documented/);
    expect(() => parseOrderPage(JSON.stringify([{ id: 1 }]))).toThrow(/documented/);
  });
});
