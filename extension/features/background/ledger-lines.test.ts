import { describe, expect, test } from 'vitest';
import { localDate, toLedgerLines } from './ledger-lines';

describe('toLedgerLines', () => {
  const now = new Date(2026, 2, 9, 15, 0);

  test('keeps lines with an amount, defaults the date to today and the currency to USD', () => {
    expect(
      toLedgerLines(
        [
          { description: 'Paper', amount: 180, currency: 'EUR', quantity: 4, unitPrice: 45, supplier: 'Office Supply Co.' },
          { description: 'No price' },
          { description: 'Dated', amount: 5, date: '2026-01-31', glAccount: '6100' },
        ],
        now,
      ),
    ).toEqual([
      { description: 'Paper', amount: 180, currency: 'EUR', date: '2026-03-09', quantity: 4, supplier: 'Office Supply Co.' },
      { description: 'Dated', amount: 5, currency: 'USD', date: '2026-01-31', glAccount: '6100' },
    ]);
  });

  test('local date', () => {
    expect(localDate(now)).toBe('2026-03-09');
  });
});
