import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { detectMapping, resolveMapping } from './column-mapping';
import { mappingToSave } from './create-import';

describe('column mapping', () => {
  it('detects columns from common ERP and spreadsheet headers', () => {
    const headers = [
      'PO Line ID',
      'Vendor Name',
      'Item Description',
      'Invoice Date',
      'Net Amount',
      'Currency',
      'GL Account',
      'Cost Center',
      'Qty',
      'NAICS Code',
      'Notes',
    ];
    expect(detectMapping(headers)).toEqual({
      erpLineId: 0,
      supplier: 1,
      description: 2,
      date: 3,
      amount: 4,
      currency: 5,
      glAccount: 6,
      team: 7,
      quantity: 8,
      naics: 9,
    });
  });

  it('layers detection, the saved mapping and the request, and says where each came from', () => {
    const headers = ['Text', 'Total', 'Posted', 'Supplier', 'Dept'];
    const resolved = resolveMapping(
      headers,
      { description: 'Text', date: 'Posted', glAccount: 'Old GL column' },
      { team: null, amount: 'total' },
    );
    expect(resolved.mapping).toMatchObject({
      description: 'Text',
      amount: 'Total',
      date: 'Posted',
      supplier: 'Supplier',
      team: null,
      glAccount: null,
    });
    expect(resolved.sources).toMatchObject({
      description: 'saved',
      date: 'saved',
      amount: 'request',
      team: 'request',
      supplier: 'detected',
    });
    expect(resolved.missing).toEqual([]);
  });

  it('reports the required fields it cannot find, and refuses a requested column the file lacks', () => {
    expect(resolveMapping(['Foo', 'Bar'], undefined, undefined).missing).toEqual([
      'description',
      'amount',
      'date',
    ]);
    expect(() => resolveMapping(['Foo'], undefined, { description: 'Nope' })).toThrow(AppError);
  });
});

describe('the mapping saved for the next upload', () => {
  it('keeps the columns used and deliberate omissions, and does not forget columns a file lacks', () => {
    const saved = { description: 'Text', glAccount: 'Konto', team: 'Kostenstelle' };
    const used = {
      description: 'Item',
      amount: 'Total',
      date: 'Date',
      glAccount: null,
      team: null,
      currency: null,
    };
    expect(mappingToSave(saved, used, { team: null })).toEqual({
      description: 'Item',
      amount: 'Total',
      date: 'Date',
      glAccount: 'Konto',
      team: null,
    });
  });
});
