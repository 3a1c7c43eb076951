import { describe, expect, test } from 'vitest';
import type { ColumnMap } from './column-roles';
import { isTotalRow, readLine, rowCells, type RowCells } from './read-line';

/** One row of cells from their inner HTML. */
function row(...cellHtml: string[]): RowCells {
  return rowCells(cellHtml.map((html) => {
    const cell = document.createElement('td');
    cell.innerHTML = html;
    return cell;
  }));
}

const CART: ColumnMap = { description: 0, quantity: 1, unitPrice: 2, amount: 3 };

describe('readLine', () => {
  test('a quantity with a thousands separator is read whole', () => {
    const line = readLine(row('Copy paper', '1,000', '$2.00', ''), CART, { locale: 'USD' });
    expect(line?.fields).toMatchObject({ quantity: 1000, amount: 2000 });
    expect(readLine(row('Bolts', '1.000', '0,50 €', ''), CART, { locale: 'EUR' })?.fields).toMatchObject({ quantity: 1000, amount: 500 });
  });

  test('a three-decimal number reads by the page currency: a decimal on a dollar page, grouped on a euro page', () => {
    expect(readLine(row('Screws', '100', '2.125', ''), CART, { locale: 'USD' })?.fields).toMatchObject({ unitPrice: 2.125, amount: 212.5 });
    expect(readLine(row('Screws', '1', '', '1.234'), CART, { locale: 'EUR' })?.fields).toMatchObject({ amount: 1234 });
  });

  test('a currency column tells how the amounts write numbers; SAP writes credits with a trailing minus', () => {
    const map: ColumnMap = { description: 0, amount: 1, currency: 2 };
    expect(readLine(row('Credit note', '1.234,56-', 'EUR'), map, { locale: 'USD' })?.fields).toMatchObject({ amount: -1234.56, currency: 'EUR' });
    expect(readLine(row('Steel', '1.234', 'EUR'), map, { locale: 'USD' })?.fields).toMatchObject({ amount: 1234, currency: 'EUR' });
  });

  test('a sale price cell reads as the price charged', () => {
    expect(readLine(row('Chair', '1', '', '$180.00 $150.00'), CART, {})?.fields).toMatchObject({ amount: 150 });
    expect(readLine(row('Chair', '1', '', '$150.00 <s>$180.00</s>'), CART, {})?.fields).toMatchObject({ amount: 150 });
    expect(readLine(row('Chair', '1', '', '<del>$180.00</del> <ins>$150.00</ins>'), CART, {})?.fields).toMatchObject({ amount: 150 });
  });

  test('the currency comes from the first price cell that names one', () => {
    const line = readLine(row('Desk lamp', '2', '$12.50', '25.00'), CART, { locale: 'EUR' });
    expect(line?.fields).toMatchObject({ amount: 25, currency: 'USD' });
    expect(readLine(row('Desk lamp', '2', '$12.50', '£20.00'), CART, { locale: 'EUR' })?.fields.currency).toBe('GBP');
  });
});

describe('isTotalRow', () => {
  test.each(['Total', 'Order total', 'Subtotal:', 'Grand total (3 items)', 'Total incl. VAT', 'Total USD', 'Amount due', 'Total: $1,584.56'])(
    'a row labelled %j is a total row',
    (label) => {
      expect(isTotalRow(row(label, '', '', '$1,584.56'))).toBe(true);
      expect(isTotalRow(row('', '', label, '$1,584.56'))).toBe(true);
    },
  );

  test.each(['Total Gym exercise machine', 'Subtotal Pro noise-cancelling headset'])('a line described %j is a line', (description) => {
    expect(isTotalRow(row(description, '1', '$1,499.00', '$1,499.00'))).toBe(false);
  });

  test('a supplier named Total is no total label', () => {
    expect(isTotalRow(row('Diesel, 1000 l', 'Total Energies', '1', '$1,499.00'))).toBe(false);
  });
});
